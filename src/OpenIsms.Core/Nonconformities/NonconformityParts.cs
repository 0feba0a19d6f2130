using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Nonconformities;

/// <summary>
/// One step in a nonconformity's life, kept as it was taken: who, when, from which state to which, and what they recorded
/// (the correction, the cause analysis, the plan, the check). Never changed; the record page shows them as its timeline.
/// </summary>
[AuditName("NonconformityStep")]
public sealed class NonconformityStep : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid NonconformityId { get; private set; }

    public int Round { get; private set; }

    public NonconformityState FromState { get; private set; }

    public NonconformityState ToState { get; private set; }

    /// <summary>What was recorded at the step: the correction, the root cause, the check's findings.</summary>
    public string? Summary { get; private set; }

    /// <summary>For a five-whys analysis, the answers one per line.</summary>
    public string? Whys { get; private set; }

    /// <summary>The day it refers to: corrected on, checked on, or the effectiveness check's due date when planned.</summary>
    public DateOnly? On { get; private set; }

    public string By { get; private set; } = "";

    public static NonconformityStep Of(Nonconformity nc, NonconformityState from, string? summary, string? whys, DateOnly? on, string by) => new()
    {
        NonconformityId = nc.Id, Round = nc.Round, FromState = from, ToState = nc.State, Summary = summary, Whys = whys, On = on, By = by,
    };
}

public enum CorrectiveActionStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// An action that removes a nonconformity's cause (clause 10.2 c): who does it, by when, with what resources, and how it
/// ended. It belongs to the round of cause analysis it answers; a reopened nonconformity's earlier actions stay.
/// </summary>
[AuditName("CorrectiveAction")]
public sealed class CorrectiveAction : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid NonconformityId { get; private set; }

    public int Round { get; private set; }

    public string Title { get; private set; } = "";

    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>What it needs: people, time, money, tools.</summary>
    public string? Resources { get; private set; }

    public CorrectiveActionStatus Status { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    /// <summary>What was done, or why it was cancelled.</summary>
    public string? Outcome { get; private set; }

    public static CorrectiveAction For(Nonconformity nc) => new() { NonconformityId = nc.Id, Round = nc.Round };

    public Result Update(SaveCorrectiveAction.Command c, DateOnly today)
    {
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Say what will be done to remove the cause.")
            .MaxLength(nameof(Title), c.Title, Limits.ShortText, "The action")
            .Required(nameof(OwnerId), c.OwnerId, "Choose who does it.")
            .Must(c.DueOn is not null, nameof(DueOn), "Enter the date it is due.")
            .Must(c.DueOn is null || c.DueOn >= today || c.DueOn == DueOn, nameof(DueOn), "The date it is due cannot be in the past.")
            .MaxLength(nameof(Resources), c.Resources, Limits.ShortText, "The resources");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        OwnerId = Text.OrNull(c.OwnerId);
        DueOn = c.DueOn!.Value;
        Resources = Text.OrNull(c.Resources);
        return Result.Ok();
    }

    public Result Finish(bool done, string? outcome, DateOnly today)
    {
        var check = new Validation()
            .Must(Status == CorrectiveActionStatus.Open, nameof(Outcome), $"It is already {Status.ToString().ToLowerInvariant()}.")
            .Required(nameof(Outcome), outcome, done ? "Say what was done, so the effectiveness check knows what to look at." : "Say why it is cancelled.")
            .MaxLength(nameof(Outcome), outcome, Limits.ShortText, "The outcome");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Status = done ? CorrectiveActionStatus.Done : CorrectiveActionStatus.Cancelled;
        Outcome = outcome!.Trim();
        FinishedOn = today;
        return Result.Ok();
    }
}
