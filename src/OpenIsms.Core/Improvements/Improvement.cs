using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Improvements;

/// <summary>Where an opportunity for improvement came from.</summary>
public enum ImprovementSource
{
    Suggestion,
    InternalAudit,
    ExternalAudit,
    ManagementReview,
    Nonconformity,
    Measurement,
    Incident,
    Other,
}

public enum ImprovementStatus
{
    Proposed,
    Accepted,
    InProgress,
    Done,
    Rejected,
}

/// <summary>
/// An opportunity to improve the ISMS's suitability, adequacy or effectiveness (clause 10.1): a suggestion, an audit's
/// opportunity for improvement, a review's decision. It is decided on, carried out, and its outcome recorded.
/// </summary>
[AuditName("Improvement")]
public sealed class Improvement : NumberedEntity
{
    public const string Prefix = "IMP-";

    protected override string ReferencePrefix => Prefix;

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public ImprovementSource Source { get; private set; }

    /// <summary>What it came from, in words: the audit, the review, the person who suggested it.</summary>
    public string? SourceReference { get; private set; }

    public DateOnly RaisedOn { get; private set; }

    public string RaisedBy { get; private set; } = "";

    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public ImprovementStatus Status { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>What came of it, or why it was turned down.</summary>
    public string? Outcome { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    public bool IsOpen => Status is not (ImprovementStatus.Done or ImprovementStatus.Rejected);

    public static Improvement Raise(string raisedBy, DateOnly today) => new() { RaisedBy = raisedBy, RaisedOn = today };

    public Result Update(SaveImprovement.Command c, DateOnly today)
    {
        var finished = c.Status is ImprovementStatus.Done or ImprovementStatus.Rejected;
        var check = new Validation()
            .Must(IsOpen || Title.Length == 0, nameof(Status), $"It is {Status.ToString().ToLowerInvariant()}: its record is final. Record a new opportunity if there is more to do.")
            .Required(nameof(Title), c.Title, "Say what could be improved.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description")
            .MaxLength(nameof(SourceReference), c.SourceReference, Limits.ShortText, "What it came from")
            .Must(c.Status is ImprovementStatus.Proposed or ImprovementStatus.Rejected || !string.IsNullOrWhiteSpace(c.OwnerId), nameof(OwnerId),
                "Choose who carries it out once it is accepted.")
            .Must(!finished || !string.IsNullOrWhiteSpace(c.Outcome), nameof(Outcome),
                c.Status == ImprovementStatus.Done ? "Say what came of it: what changed, and how the ISMS is better for it." : "Say why it was turned down.")
            .MaxLength(nameof(Outcome), c.Outcome, Limits.LongText, "The outcome")
            .Must(c.DueOn is null || c.DueOn >= today || c.DueOn == DueOn || finished, nameof(DueOn), "The date it is due cannot be in the past.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        Description = Text.OrNull(c.Description);
        Source = c.Source;
        SourceReference = Text.OrNull(c.SourceReference);
        OwnerId = Text.OrNull(c.OwnerId);
        DueOn = c.DueOn;
        Outcome = Text.OrNull(c.Outcome);
        FinishedOn = finished ? (Status == c.Status ? FinishedOn : today) : null;
        Status = c.Status;
        return Result.Ok();
    }
}
