using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Responsibilities;

/// <summary>A person holding an ISMS role from a date (and, once handed over, until one).</summary>
[AuditName("RoleAssignment")]
public sealed class RoleAssignment : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RoleId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid PersonId { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day the person held the role; empty while they hold it.</summary>
    public DateOnly? Until { get; private set; }

    public string? Note { get; private set; }

    public bool IsCurrent(DateOnly today) => From <= today && (Until is null || Until >= today);

    public static Result<RoleAssignment> Create(Guid roleId, Person person, DateOnly from, string? note, DateOnly today)
    {
        var check = new Validation()
            .Must(!person.HasLeft(today), "PersonId", $"{person.Name} has left the organisation; choose someone on the current staff.")
            .Must(from <= today.AddYears(1), "From", "Choose a start within the next year.")
            .MaxLength("Note", note, Limits.ShortText, "The note");
        if (!check.IsValid)
        {
            return Result<RoleAssignment>.From(check.ToResult());
        }

        return new RoleAssignment { RoleId = roleId, PersonId = person.Id, From = from, Note = Text.OrNull(note) };
    }

    /// <summary>Hands the role over: the person held it until <paramref name="until"/>.</summary>
    public Result End(DateOnly until)
    {
        if (until < From)
        {
            return Result.Invalid(new FieldError("Until", $"The role was held from {From:d MMM yyyy}; the last day cannot be before that."));
        }

        Until = until;
        return Result.Ok();
    }
}
