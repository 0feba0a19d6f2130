using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Reviews;

/// <summary>A management review's life: scheduled, its pack frozen at the meeting, its minutes concluded.</summary>
public enum ReviewState
{
    Scheduled,

    /// <summary>The meeting has begun: the input pack is frozen with its SHA-256; minutes are being written.</summary>
    Frozen,

    /// <summary>Every input is minuted and the three conclusions are recorded.</summary>
    Concluded,
}

/// <summary>
/// A management review (clause 9.3): top management looks at the inputs 9.3.2 a–g, compiled from the live records, and
/// concludes on the ISMS's continuing suitability, adequacy and effectiveness — each separately — with decisions and
/// actions. The pack is frozen at the meeting, so the minutes always show what was seen.
/// </summary>
[AuditName("ManagementReview")]
public sealed class ManagementReview : NumberedEntity
{
    public const string Prefix = "MR-";

    protected override string ReferencePrefix => Prefix;

    public string Title { get; private set; } = "";

    public DateOnly ScheduledOn { get; private set; }

    /// <summary>Who chairs it: a member of top management.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? ChairId { get; private set; }

    /// <summary>Who attended, in words.</summary>
    public string? Attendees { get; private set; }

    public ReviewState State { get; private set; }

    /// <summary>The input pack as it was at the meeting (JSON), and its SHA-256.</summary>
    public string? PackJson { get; private set; }

    public string? PackSha256 { get; private set; }

    public DateTime? FrozenAt { get; private set; }

    public string? FrozenBy { get; private set; }

    /// <summary>Is the ISMS still suitable — right for the organisation as it is now?</summary>
    public string? Suitability { get; private set; }

    /// <summary>Is it adequate — enough to meet its requirements?</summary>
    public string? Adequacy { get; private set; }

    /// <summary>Is it effective — achieving what it is meant to?</summary>
    public string? Effectiveness { get; private set; }

    /// <summary>Decisions on opportunities for continual improvement.</summary>
    public string? ImprovementDecisions { get; private set; }

    /// <summary>Any need for changes to the ISMS.</summary>
    public string? ChangesNeeded { get; private set; }

    public string? ResourceNeeds { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public string? ConcludedBy { get; private set; }

    public Result Update(ScheduleReview.Command c)
    {
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Give the review a title, for example: Management review 2026.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .Must(c.ScheduledOn is not null, nameof(ScheduledOn), "Enter the day of the meeting.")
            .Required(nameof(ChairId), c.ChairId, "Choose who chairs it: a member of top management.")
            .MaxLength(nameof(Attendees), c.Attendees, Limits.ShortText, "The attendees");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        ScheduledOn = c.ScheduledOn!.Value;
        ChairId = Text.OrNull(c.ChairId);
        Attendees = Text.OrNull(c.Attendees);
        return Result.Ok();
    }

    public void Freeze(string json, string sha256, DateTime at, string by)
    {
        PackJson = json;
        PackSha256 = sha256;
        FrozenAt = at;
        FrozenBy = by;
        State = ReviewState.Frozen;
    }

    public void Write(RecordReviewMinutes.Command c)
    {
        Attendees = Text.OrNull(c.Attendees) ?? Attendees;
        Suitability = Text.OrNull(c.Suitability);
        Adequacy = Text.OrNull(c.Adequacy);
        Effectiveness = Text.OrNull(c.Effectiveness);
        ImprovementDecisions = Text.OrNull(c.ImprovementDecisions);
        ChangesNeeded = Text.OrNull(c.ChangesNeeded);
        ResourceNeeds = Text.OrNull(c.ResourceNeeds);
    }

    public void Conclude(DateOnly on, string by)
    {
        ConcludedOn = on;
        ConcludedBy = by;
        State = ReviewState.Concluded;
    }
}

/// <summary>What the meeting said about one input of the pack (9.3.2 a–g).</summary>
[AuditName("ReviewInputMinute")]
public sealed class ReviewInputMinute : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ReviewId { get; init; }

    /// <summary>The input's code: a, b, c, d.1 … d.4, e, f, g.</summary>
    public string Input { get; init; } = "";

    public string Minutes { get; private set; } = "";

    public void Say(string minutes) => Minutes = minutes;
}

public enum ReviewActionStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>An action the review decided, with its owner and due date; its status is the next review's input (a).</summary>
[AuditName("ReviewAction")]
public sealed class ReviewAction : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ReviewId { get; init; }

    public string Title { get; private set; } = "";

    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ReviewActionStatus Status { get; private set; }

    public string? Outcome { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    public Result Set(string? title, string? ownerId, DateOnly? dueOn)
    {
        var check = new Validation()
            .Required(nameof(Title), title, "Say what is to be done.")
            .MaxLength(nameof(Title), title, Limits.ShortText, "The action")
            .Required(nameof(OwnerId), ownerId, "Choose who does it.")
            .Must(dueOn is not null, nameof(DueOn), "Enter the date it is due.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = title!.Trim();
        OwnerId = ownerId!.Trim();
        DueOn = dueOn!.Value;
        return Result.Ok();
    }

    public Result Finish(bool done, string? outcome, DateOnly today)
    {
        var check = new Validation()
            .Must(Status == ReviewActionStatus.Open, nameof(Outcome), $"It is already {Status.ToString().ToLowerInvariant()}.")
            .Required(nameof(Outcome), outcome, done ? "Say what was done." : "Say why it is cancelled.")
            .MaxLength(nameof(Outcome), outcome, Limits.ShortText, "The outcome");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Status = done ? ReviewActionStatus.Done : ReviewActionStatus.Cancelled;
        Outcome = outcome!.Trim();
        FinishedOn = today;
        return Result.Ok();
    }
}
