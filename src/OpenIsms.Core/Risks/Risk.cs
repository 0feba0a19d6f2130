using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

public enum TreatmentOption
{
    Mitigate,
    Accept,
    Transfer,
    Avoid,
}

public enum RiskStatus
{
    /// <summary>Recorded, not yet assessed.</summary>
    Identified,

    /// <summary>Assessed; treatment not yet decided.</summary>
    Assessed,

    /// <summary>A treatment is decided and being carried out.</summary>
    InTreatment,

    /// <summary>The owner has accepted the residual risk (and management too, where the threshold requires).</summary>
    Accepted,

    /// <summary>No longer relevant (the asset is gone, the activity stopped).</summary>
    Closed,
}

/// <summary>
/// A risk scenario: a threat exploiting a vulnerability of some assets. The current ratings are copied from its
/// latest <see cref="RiskAssessment"/> so the register can filter and sort on them in SQL.
/// </summary>
[AuditName("Risk")]
public sealed class Risk : Entity, IAutoNumbered
{
    public const string Prefix = "R-";

    private bool numberedAutomatically;

    public string Reference { get; private set; } = "";

    string IAutoNumbered.ReferencePrefix => Prefix;

    bool IAutoNumbered.NumberedAutomatically => numberedAutomatically;

    /// <summary>The identifier was left blank: the one given now is provisional, the save gives the final one.</summary>
    public void NumberAutomatically() => numberedAutomatically = true;

    void IAutoNumbered.Renumber(string reference) => Reference = reference;

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public Guid? ThreatId { get; private set; }

    public Guid? VulnerabilityId { get; private set; }

    public string OwnerId { get; private set; } = "";

    public string? ExistingControls { get; private set; }

    public TreatmentOption? Treatment { get; private set; }

    public string? TreatmentRationale { get; private set; }

    public RiskStatus Status { get; private set; } = RiskStatus.Identified;

    public DateOnly? NextReview { get; private set; }

    /// <summary>A risk not closed is overdue for review once its review day has ended (the register's filter asks the same in SQL).</summary>
    public static bool IsReviewOverdue(DateOnly? nextReview, RiskStatus status, DateOnly today) =>
        nextReview < today && status != RiskStatus.Closed;

    // The latest assessment, denormalised for the register (null until assessed).
    public Guid? MethodologyId { get; private set; }

    public int? MethodologyNumber { get; private set; }

    public int? InherentLikelihood { get; private set; }

    public int? InherentImpact { get; private set; }

    public int? InherentLevel { get; private set; }

    public int? InherentScore { get; private set; }

    public int? ResidualLikelihood { get; private set; }

    public int? ResidualImpact { get; private set; }

    public int? ResidualLevel { get; private set; }

    public int? ResidualScore { get; private set; }

    public DateTime? AssessedAt { get; private set; }

    /// <summary>Moves the next review (an import's column overrides the interval an imported assessment set).</summary>
    public void Reschedule(DateOnly nextReview) => NextReview = nextReview;

    /// <summary>The scenario's rules, for the page, the API and the importer alike; <paramref name="reference"/> is the identifier to keep (a placeholder until a new risk is numbered).</summary>
    public Result Update(SaveRisk.Command d, string reference)
    {
        var check = new Validation()
            .Required(nameof(Reference), reference, "Enter the risk's identifier, for example R-001.")
            .MaxLength(nameof(Reference), reference, 50, "The identifier")
            .Required(nameof(Title), d.Title, "Enter a short title for the risk.")
            .MaxLength(nameof(Title), d.Title, Limits.Name, "The title")
            .MaxLength(nameof(Description), d.Description, Limits.LongText, "The description")
            .Required(nameof(OwnerId), d.OwnerId, "Choose the risk owner: the person accountable for this risk.")
            .MaxLength(nameof(ExistingControls), d.ExistingControls, Limits.LongText, "The existing controls");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Reference = reference.Trim();
        Title = d.Title!.Trim();
        Description = Text.OrNull(d.Description);
        ThreatId = d.ThreatId;
        VulnerabilityId = d.VulnerabilityId;
        OwnerId = d.OwnerId!.Trim();
        ExistingControls = Text.OrNull(d.ExistingControls);
        NextReview = d.NextReview;
        return Result.Ok();
    }

    /// <summary>Records a new rating as the current one and schedules the next review by the methodology's interval.</summary>
    /// <summary>Takes the assessment as the current rating; the next review counts from the organisation's date of the assessment.</summary>
    public void Apply(RiskAssessment a, int reviewIntervalMonths, TimeZoneInfo zone)
    {
        MethodologyId = a.MethodologyId;
        MethodologyNumber = a.MethodologyNumber;
        InherentLikelihood = a.InherentLikelihood;
        InherentImpact = a.InherentImpact;
        InherentLevel = a.InherentLevel;
        InherentScore = a.InherentLikelihood * a.InherentImpact;
        ResidualLikelihood = a.ResidualLikelihood;
        ResidualImpact = a.ResidualImpact;
        ResidualLevel = a.ResidualLevel;
        ResidualScore = a.ResidualLikelihood * a.ResidualImpact;
        AssessedAt = a.AssessedAt;
        NextReview = Clock.DateOf(a.AssessedAt, zone).AddMonths(reviewIntervalMonths);
        if (Status is RiskStatus.Identified)
        {
            Status = RiskStatus.Assessed;
        }
        else if (Status is RiskStatus.Accepted)
        {
            // A new rating is no longer what the owner accepted.
            Status = Treatment is null ? RiskStatus.Assessed : RiskStatus.InTreatment;
        }
    }

    public Result Decide(TreatmentOption treatment, string? rationale)
    {
        var check = new Validation()
            .Must(Enum.IsDefined(treatment), nameof(Treatment), "Choose a treatment: mitigate, accept, transfer or avoid.")
            .Required(nameof(TreatmentRationale), rationale, "Say why this treatment was chosen.")
            .MaxLength(nameof(TreatmentRationale), rationale, Limits.LongText, "The rationale")
            .Must(InherentLevel is not null, nameof(Treatment), "Assess the risk before deciding its treatment.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        if (Treatment != treatment && Status == RiskStatus.Accepted)
        {
            Status = RiskStatus.InTreatment;
        }

        Treatment = treatment;
        TreatmentRationale = rationale!.Trim();
        if (Status is RiskStatus.Identified or RiskStatus.Assessed)
        {
            Status = RiskStatus.InTreatment;
        }

        return Result.Ok();
    }

    public void MarkAccepted() => Status = RiskStatus.Accepted;

    public Result Close(bool closed)
    {
        Status = closed ? RiskStatus.Closed
            : Treatment is not null ? RiskStatus.InTreatment
            : InherentLevel is not null ? RiskStatus.Assessed
            : RiskStatus.Identified;
        return Result.Ok();
    }
}

/// <summary>Which assets a risk concerns.</summary>
[AuditName("RiskAsset")]
public sealed class RiskAsset : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RiskId { get; init; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid AssetId { get; init; }
}

/// <summary>An Annex A control (catalogue requirement) planned to treat a risk.</summary>
[AuditName("RiskControl")]
public sealed class RiskControl : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RiskId { get; init; }

    public Guid RequirementId { get; init; }
}
