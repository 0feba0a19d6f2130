using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Changes;

public enum ChangeStatus
{
    Proposed,
    Approved,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// A change to the ISMS carried out in a planned manner (clause 6.3): a new scope, a new system, a reorganisation — its
/// purpose and consequences, how the ISMS stays whole meanwhile, the resources and responsibilities, what decided it (a
/// management review or a nonconformity) and the records it changes.
/// </summary>
[AuditName("IsmsChange")]
public sealed class IsmsChange : NumberedEntity
{
    public const string Prefix = "CHG-";

    protected override string ReferencePrefix => Prefix;

    public string Title { get; private set; } = "";

    /// <summary>Why the change is made, and what could come of it.</summary>
    public string Purpose { get; private set; } = "";

    public string Consequences { get; private set; } = "";

    /// <summary>How the ISMS keeps working while it changes (6.3 b).</summary>
    public string? Integrity { get; private set; }

    public string? Resources { get; private set; }

    /// <summary>Who is responsible for what, and any change of responsibilities or authorities (6.3 d).</summary>
    public string? Responsibilities { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public DateOnly? PlannedOn { get; private set; }

    public ChangeStatus Status { get; private set; }

    /// <summary>The management review that decided it.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? ReviewId { get; private set; }

    /// <summary>The nonconformity that led to it.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? NonconformityId { get; private set; }

    /// <summary>The records it changes, in words: "Scope version 3; POL-002; the asset inventory".</summary>
    public string? AffectedRecords { get; private set; }

    public string? Outcome { get; private set; }

    public Result Update(SaveChange.Command c, DateOnly today)
    {
        var finished = Title.Length > 0 && Status is ChangeStatus.Done or ChangeStatus.Cancelled;
        var check = new Validation()
            .Must(!finished, nameof(Status), $"It is {Status.ToString().ToLowerInvariant()}: its record is final. Plan a new change if there is more to do.")
            .Required(nameof(Title), c.Title, "Say what changes.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .Required(nameof(Purpose), c.Purpose, "Say why the change is made.")
            .MaxLength(nameof(Purpose), c.Purpose, Limits.LongText, "The purpose")
            .Required(nameof(Consequences), c.Consequences, "Say what could come of it: the consequences, good and bad.")
            .MaxLength(nameof(Consequences), c.Consequences, Limits.LongText, "The consequences")
            .MaxLength(nameof(Integrity), c.Integrity, Limits.LongText, "How the ISMS stays whole")
            .MaxLength(nameof(Resources), c.Resources, Limits.ShortText, "The resources")
            .MaxLength(nameof(Responsibilities), c.Responsibilities, Limits.ShortText, "The responsibilities")
            .MaxLength(nameof(AffectedRecords), c.AffectedRecords, Limits.ShortText, "The records it changes")
            .Must(c.Status is ChangeStatus.Proposed or ChangeStatus.Cancelled || !string.IsNullOrWhiteSpace(c.Integrity), nameof(Integrity),
                "Say how the ISMS keeps working while it changes, before the change is approved.")
            .Must(c.Status is ChangeStatus.Proposed or ChangeStatus.Cancelled || !string.IsNullOrWhiteSpace(c.OwnerId), nameof(OwnerId), "Choose who is responsible for the change.")
            .Must(c.Status is not (ChangeStatus.Done or ChangeStatus.Cancelled) || !string.IsNullOrWhiteSpace(c.Outcome), nameof(Outcome),
                c.Status == ChangeStatus.Done ? "Say what was changed, and which records now show it." : "Say why it was cancelled.")
            .MaxLength(nameof(Outcome), c.Outcome, Limits.LongText, "The outcome");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        Purpose = c.Purpose!.Trim();
        Consequences = c.Consequences!.Trim();
        Integrity = Text.OrNull(c.Integrity);
        Resources = Text.OrNull(c.Resources);
        Responsibilities = Text.OrNull(c.Responsibilities);
        OwnerId = Text.OrNull(c.OwnerId);
        PlannedOn = c.PlannedOn;
        Status = c.Status;
        ReviewId = c.ReviewId;
        NonconformityId = c.NonconformityId;
        AffectedRecords = Text.OrNull(c.AffectedRecords);
        Outcome = Text.OrNull(c.Outcome);
        return Result.Ok();
    }
}
