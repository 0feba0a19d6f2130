using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Users;

/// <summary>Creates an API token for the signed-in user; its secret is returned once.</summary>
public sealed class CreateApiToken(OpenIsmsDbContext db)
{
    /// <summary>The lifetimes the page offers; the create-token command takes any number of days up to <see cref="MaxDays"/>.</summary>
    public static readonly int[] Lifetimes = [30, 90, 365];

    public const int MaxDays = 366;

    public async Task<Result<string>> Handle(string? name, int days, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.Self) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<string>.From(Result.Forbidden());
        }

        var check = new Validation()
            .Required("Name", name, "Name the token after what will use it, e.g. \"Nightly export script\".")
            .MaxLength("Name", name, 100, "The name")
            .Must(days is >= 1 and <= MaxDays, "Days", $"Choose how long the token is valid: 1 to {MaxDays} days.");
        if (!check.IsValid)
        {
            return Result<string>.From(check.ToResult());
        }

        var today = await db.Clock.Today(ct);
        var (token, secret) = ApiToken.Issue(userId, name!, today.AddDays(days));
        db.Add(token);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? secret : Result<string>.From(saved);
    }
}
