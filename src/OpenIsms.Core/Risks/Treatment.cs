using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>A step of a risk's treatment plan: what, who, by when, and the Annex A control it puts in place.</summary>
[AuditName("TreatmentAction")]
public sealed class TreatmentAction : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RiskId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public string? OwnerId { get; private set; }

    public DateOnly? Due { get; private set; }

    public ActionStatus Status { get; private set; }

    public Guid? RequirementId { get; private set; }

    /// <summary>What the action needs: people's time, budget, tools (clause 6.1.3 e: the plan says what it takes).</summary>
    public string? Resources { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public static TreatmentAction For(Guid riskId) => new() { RiskId = riskId };

    public Result Update(SaveTreatmentAction.Command d, DateTime now)
    {
        var check = new Validation()
            .Required(nameof(Title), d.Title, "Say what will be done.")
            .MaxLength(nameof(Title), d.Title, Limits.ShortText, "The action")
            .MaxLength(nameof(Description), d.Description, Limits.LongText, "The description")
            .MaxLength(nameof(Resources), d.Resources, Limits.ShortText, "The resources")
            .Must(Enum.IsDefined(d.Status), nameof(Status), "Choose a status.")
            .Must(d.Status is ActionStatus.Done or ActionStatus.Cancelled || !string.IsNullOrWhiteSpace(d.OwnerId), nameof(OwnerId), "Choose who carries out this action.")
            .Must(d.Status is ActionStatus.Done or ActionStatus.Cancelled || d.Due is not null, nameof(Due), "Enter the date the action is due.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = d.Title!.Trim();
        Description = Text.OrNull(d.Description);
        Resources = Text.OrNull(d.Resources);
        OwnerId = Text.OrNull(d.OwnerId);
        Due = d.Due;
        if (d.Status == ActionStatus.Done && Status != ActionStatus.Done)
        {
            CompletedAt = now;
        }
        else if (d.Status != ActionStatus.Done)
        {
            CompletedAt = null;
        }

        Status = d.Status;
        RequirementId = d.RequirementId;
        return Result.Ok();
    }

    public bool IsOpen => Status is ActionStatus.Planned or ActionStatus.InProgress;

    /// <summary>An open action is overdue once its due day has ended (the plan's overdue filter asks the same in SQL).</summary>
    public static bool IsOverdue(DateOnly? due, ActionStatus status, DateOnly today) =>
        due < today && status is ActionStatus.Planned or ActionStatus.InProgress;
}

public enum AcceptanceStatus
{
    /// <summary>The owner signed; the residual level is above the threshold, so management must approve too.</summary>
    AwaitingManagement,

    /// <summary>In force until it expires or the risk is re-assessed.</summary>
    Accepted,

    /// <summary>Replaced by a later sign-off or a new assessment.</summary>
    Superseded,
}

/// <summary>
/// The risk owner's recorded sign-off of the treatment plan and the residual risk: who, when, which rating under
/// which methodology version. It expires at the risk's next review. A residual level above the methodology's
/// acceptance threshold needs a recorded management approval before it is in force.
/// </summary>
[AuditName("RiskAcceptance")]
public sealed class RiskAcceptance : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RiskId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid AssessmentId { get; private set; }

    public int MethodologyNumber { get; private set; }

    public int ResidualLevel { get; private set; }

    public string ResidualLevelName { get; private set; } = "";

    public int ResidualScore { get; private set; }

    public bool AboveThreshold { get; private set; }

    public string? Note { get; private set; }

    public string AcceptedById { get; private set; } = "";

    public string AcceptedByName { get; private set; } = "";

    public DateTime AcceptedAt { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public string? ManagementApprovedById { get; private set; }

    public string? ManagementApprovedByName { get; private set; }

    public DateTime? ManagementApprovedAt { get; private set; }

    public string? ManagementNote { get; private set; }

    public AcceptanceStatus Status { get; private set; }

    public static Result<RiskAcceptance> Sign(Risk risk, RiskAssessment latest, MethodologyDefinition definition, string userId, string userName, string? note, DateTime now)
    {
        var check = new Validation()
            .Must(risk.OwnerId == userId, "", "Only the risk owner can accept the treatment plan and the residual risk.")
            .Must(risk.Treatment is not null, "", "Decide the treatment before accepting the residual risk.")
            .Must(latest.MethodologyId == risk.MethodologyId, "", "The risk's rating is out of date; re-assess it first.")
            .Must(risk.Status != RiskStatus.Closed, "", "The risk is closed.")
            .MaxLength(AcceptRisk.NoteField, note, Limits.LongText, "The note");
        if (!check.IsValid)
        {
            return Result<RiskAcceptance>.From(check.ToResult());
        }

        var above = !definition.IsAcceptable(latest.ResidualLevel);
        return new RiskAcceptance
        {
            RiskId = risk.Id,
            AssessmentId = latest.Id,
            MethodologyNumber = latest.MethodologyNumber,
            ResidualLevel = latest.ResidualLevel,
            ResidualLevelName = definition.Levels[latest.ResidualLevel].Name,
            ResidualScore = latest.ResidualLikelihood * latest.ResidualImpact,
            AboveThreshold = above,
            Note = Text.OrNull(note),
            AcceptedById = userId,
            AcceptedByName = userName,
            AcceptedAt = now,
            ExpiresOn = risk.NextReview ?? DateOnly.FromDateTime(now).AddMonths(definition.ReviewIntervalMonths),
            Status = above ? AcceptanceStatus.AwaitingManagement : AcceptanceStatus.Accepted,
        };
    }

    /// <summary>
    /// Management's approval, given by someone other than the owner who accepted — unless the organisation allows one
    /// person both acts (<paramref name="samePersonAllowed"/>), and then the record shows it (<see cref="ApprovedByAccepter"/>).
    /// </summary>
    public Result ApproveByManagement(string userId, string userName, string? note, DateTime now, bool samePersonAllowed = false)
    {
        var check = new Validation()
            .Must(Status == AcceptanceStatus.AwaitingManagement, "", "This acceptance is not awaiting management approval.")
            .Must(samePersonAllowed || userId != AcceptedById, "", "You accepted this risk as its owner, so someone else must approve it for management.")
            .Required(nameof(ManagementNote), note, "Say why management accepts a risk above the acceptance threshold.")
            .MaxLength(nameof(ManagementNote), note, Limits.LongText, "The note");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        ManagementApprovedById = userId;
        ManagementApprovedByName = userName;
        ManagementApprovedAt = now;
        ManagementNote = note!.Trim();
        Status = AcceptanceStatus.Accepted;
        return Result.Ok();
    }

    /// <summary>The owner who accepted also approved, as the organisation's setting allowed.</summary>
    public bool ApprovedByAccepter => ManagementApprovedById is not null && ManagementApprovedById == AcceptedById;

    public void Supersede() => Status = AcceptanceStatus.Superseded;

    public bool IsInForce(DateOnly today) => Status == AcceptanceStatus.Accepted && ExpiresOn >= today;
}
