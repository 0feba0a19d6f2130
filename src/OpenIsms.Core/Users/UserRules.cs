using Microsoft.AspNetCore.Identity;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Users;

internal static class UserRules
{
    public static Validation Check(string email, string displayName) => new Validation()
        .Required("Email", email, "Enter an email address.")
        .MaxLength("Email", email, 256, "The email address")
        .Must(string.IsNullOrWhiteSpace(email) || System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _), "Email", "Enter an email address in the right format, like name@example.com.")
        .Required("DisplayName", displayName, "Enter the person's name.")
        .MaxLength("DisplayName", displayName, 200, "The name");

    /// <summary>Identity's own messages (password rules, duplicate email) become field errors.</summary>
    public static Result ToResult(IdentityResult result) => result.Succeeded
        ? Result.Ok()
        : Result.Invalid(result.Errors.Select(e => new FieldError(FieldOf(e.Code), e.Description)).ToList());

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => "Email",
        _ => "",
    };
}
