using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

/// <summary>
/// Someone who works for the organisation, with or without an account in OpenIsms: the staff list that policies are
/// acknowledged against (clauses 5.2 c, 7.3) and that training and competence build on. An e-mail address is what
/// reaches a person without an account, so it is unique when given.
/// </summary>
[AuditName("Person")]
public sealed class Person : Entity
{
    public string Name { get; private set; } = "";

    public string? Email { get; private set; }

    public string? Department { get; private set; }

    public string? JobTitle { get; private set; }

    /// <summary>The person's line manager, another person on the list.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? ManagerId { get; private set; }

    public DateOnly? StartDate { get; private set; }

    /// <summary>The last working day; after it the person has left and is asked for nothing.</summary>
    public DateOnly? LeavingDate { get; private set; }

    /// <summary>The person's OpenIsms account, found by e-mail, if they have one.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? UserId { get; private set; }

    public bool HasLeft(DateOnly today) => LeavingDate is { } left && left < today;

    public Result Update(SavePerson.Command c)
    {
        var email = Text.OrNull(c.Email);
        var check = new Validation()
            .Required(nameof(Name), c.Name, "Enter the person's name.")
            .MaxLength(nameof(Name), c.Name, Limits.Name, "The name")
            .MaxLength(nameof(Email), email, 256, "The e-mail address")
            .Must(email is null || IsAddress(email), nameof(Email), "Enter an e-mail address such as ann@example.org.")
            .MaxLength(nameof(Department), c.Department, 100, "The department")
            .MaxLength(nameof(JobTitle), c.JobTitle, 100, "The job title")
            .Must(c.ManagerId is null || c.ManagerId != Id, nameof(ManagerId), "A person cannot be their own manager.")
            .Must(c.StartDate is null || c.LeavingDate is null || c.LeavingDate >= c.StartDate, nameof(LeavingDate), "The leaving date cannot be before the start date.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = c.Name!.Trim();
        Email = email?.ToLowerInvariant();
        Department = Text.OrNull(c.Department);
        JobTitle = Text.OrNull(c.JobTitle);
        ManagerId = c.ManagerId;
        StartDate = c.StartDate;
        LeavingDate = c.LeavingDate;
        return Result.Ok();
    }

    /// <summary>A bare address ("ann@example.org"), not a display form ("Ann &lt;ann@…&gt;").</summary>
    public static bool IsAddress(string email) => System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email;

    /// <summary>Sets the person's line manager (an import names managers after everyone is read).</summary>
    public Result ReportTo(Guid? managerId)
    {
        if (managerId is not null && managerId == Id)
        {
            return Result.Invalid(new FieldError(nameof(ManagerId), "A person cannot be their own manager."));
        }

        ManagerId = managerId;
        return Result.Ok();
    }

    /// <summary>Links the person to the account with their e-mail address (or to none).</summary>
    public void LinkAccount(string? userId) => UserId = userId;
}
