using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Competences;

public enum CompetenceKind
{
    Knowledge,
    Skill,
    Certification,
}

/// <summary>How well a competence is held or needed. A certification is held or not, so its level is not compared.</summary>
public enum Proficiency
{
    Basic = 1,
    Working = 2,
    Expert = 3,
}

/// <summary>Something a role needs its holder to know, be able to do or be certified in (clause 7.2 a).</summary>
[AuditName("Competence")]
public sealed class Competence : Entity
{
    public string Name { get; private set; } = "";

    public CompetenceKind Kind { get; private set; }

    public string? Description { get; private set; }

    public Result Update(SaveCompetence.Command c)
    {
        var check = new Validation()
            .Required(nameof(Name), c.Name, "Enter the competence's name.")
            .MaxLength(nameof(Name), c.Name, Limits.Name, "The name")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = c.Name!.Trim();
        Kind = c.Kind;
        Description = Text.OrNull(c.Description);
        return Result.Ok();
    }
}

/// <summary>A role's need for a competence, at a level.</summary>
[AuditName("RoleCompetence")]
public sealed class RoleCompetence : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RoleId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid CompetenceId { get; private set; }

    public Proficiency Level { get; private set; }

    public static RoleCompetence Create(Guid roleId, Guid competenceId, Proficiency level) => new() { RoleId = roleId, CompetenceId = competenceId, Level = level };

    public void Require(Proficiency level) => Level = level;
}

public enum EvidenceOfCompetence
{
    TrainingRecord,
    Certificate,
    ExperienceStatement,
    Qualification,
}

/// <summary>
/// What shows that a person has a competence (clause 7.2 d — the record the standard asks to keep): a training record, a
/// certificate with its expiry, a statement of experience, optionally with the file, kept in the content-addressed store.
/// </summary>
[AuditName("CompetenceEvidence")]
public sealed class CompetenceEvidence : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid PersonId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid CompetenceId { get; private set; }

    public EvidenceOfCompetence Kind { get; private set; }

    public Proficiency Level { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Who issued it (a certification body, a training provider, the line manager).</summary>
    public string? Issuer { get; private set; }

    public DateOnly ObtainedOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public string? FileName { get; private set; }

    public string? FileContentType { get; private set; }

    public long? FileSize { get; private set; }

    public string? FileSha256 { get; private set; }

    public string RecordedBy { get; private set; } = "";

    /// <summary>Valid on <paramref name="today"/>: obtained and not expired.</summary>
    public bool IsValidOn(DateOnly today) => ObtainedOn <= today && (ExpiresOn is null || ExpiresOn >= today);

    public static Result<CompetenceEvidence> Create(Person person, Competence competence, AddCompetenceEvidence.Command c, DateOnly today, string recordedBy)
    {
        var check = new Validation()
            .Required(nameof(Description), c.Description, "Say what the evidence is, for example the course or certificate.")
            .MaxLength(nameof(Description), c.Description, Limits.ShortText, "The description")
            .MaxLength(nameof(Issuer), c.Issuer, Limits.Name, "The issuer")
            .Must(c.ObtainedOn is not null, nameof(ObtainedOn), "Enter the date it was obtained.")
            .Must(c.ObtainedOn is null || c.ObtainedOn <= today, nameof(ObtainedOn), "The date obtained cannot be in the future.")
            .Must(c.ExpiresOn is null || c.ObtainedOn is null || c.ExpiresOn > c.ObtainedOn, nameof(ExpiresOn), "The expiry date must be after the date obtained.")
            .Must(c.Kind != EvidenceOfCompetence.Certificate || competence.Kind != CompetenceKind.Certification || c.ExpiresOn is not null || c.NoExpiry,
                nameof(ExpiresOn), "Enter the certificate's expiry date, or tick \"does not expire\".")
            .Must(c.Level is null || Enum.IsDefined(c.Level.Value), nameof(Level), "Choose a level.");
        if (!check.IsValid)
        {
            return Result<CompetenceEvidence>.From(check.ToResult());
        }

        return new CompetenceEvidence
        {
            PersonId = person.Id, CompetenceId = competence.Id, Kind = c.Kind, Level = c.Level ?? Proficiency.Working,
            Description = c.Description!.Trim(), Issuer = Text.OrNull(c.Issuer), ObtainedOn = c.ObtainedOn!.Value, ExpiresOn = c.ExpiresOn,
            RecordedBy = recordedBy,
        };
    }

    public void AttachFile(string fileName, string contentType, long size, string sha256)
    {
        FileName = fileName;
        FileContentType = contentType;
        FileSize = size;
        FileSha256 = sha256;
    }
}

public enum GapActionKind
{
    Training,
    Mentoring,
    Hire,
    Reassign,
    Other,
}

public enum GapActionStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>What is done to close a person's competence gap (clause 7.2 c), tracked until it is done.</summary>
[AuditName("CompetenceAction")]
public sealed class CompetenceAction : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid PersonId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid CompetenceId { get; private set; }

    public GapActionKind Kind { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Who sees it through (an account).</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public GapActionStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? Outcome { get; private set; }

    public static Result<CompetenceAction> Create(Guid personId, Guid competenceId, SaveCompetenceAction.Command c, DateOnly today)
    {
        var action = new CompetenceAction { PersonId = personId, CompetenceId = competenceId };
        var result = action.Update(c, today);
        return result.Succeeded ? action : Result<CompetenceAction>.From(result);
    }

    public Result Update(SaveCompetenceAction.Command c, DateOnly today)
    {
        var closing = c.Status != GapActionStatus.Planned;
        var check = new Validation()
            .Required(nameof(Description), c.Description, "Say what will be done, for example the course to attend.")
            .MaxLength(nameof(Description), c.Description, Limits.ShortText, "The description")
            .Must(c.DueOn is not null, nameof(DueOn), "Enter the date it should be done by.")
            .Must(c.DueOn is null || Status != GapActionStatus.Planned || closing || c.DueOn >= today || c.DueOn == DueOn, nameof(DueOn), "The due date cannot be in the past.")
            .Must(!closing || !string.IsNullOrWhiteSpace(c.Outcome), nameof(Outcome), c.Status == GapActionStatus.Done
                ? "Say what was done, for example the course attended; then add the evidence to the person's record."
                : "Say why the action was cancelled.")
            .MaxLength(nameof(Outcome), c.Outcome, Limits.ShortText, "The outcome");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Kind = c.Kind;
        Description = c.Description!.Trim();
        OwnerId = Text.OrNull(c.OwnerId);
        DueOn = c.DueOn!.Value;
        if (closing && Status == GapActionStatus.Planned)
        {
            ClosedOn = today;
        }
        else if (!closing)
        {
            ClosedOn = null;
        }

        Status = c.Status;
        Outcome = closing ? Text.OrNull(c.Outcome) : null;
        return Result.Ok();
    }
}
