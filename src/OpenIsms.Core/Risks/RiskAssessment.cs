using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// One rating of a risk under one methodology version: inherent (before treatment, with existing controls) and
/// residual (expected after the planned treatment). Kept for ever; the risk shows them as its history and trend.
/// </summary>
[AuditName("RiskAssessment")]
public sealed class RiskAssessment : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RiskId { get; private set; }

    public Guid MethodologyId { get; private set; }

    public int MethodologyNumber { get; private set; }

    public int InherentLikelihood { get; private set; }

    public int InherentImpact { get; private set; }

    /// <summary>Per impact area (or C/I/A), in the methodology's order; the highest is <see cref="InherentImpact"/>.</summary>
    public string InherentImpactsJson { get; private set; } = "[]";

    public int InherentLevel { get; private set; }

    public int ResidualLikelihood { get; private set; }

    public int ResidualImpact { get; private set; }

    public string ResidualImpactsJson { get; private set; } = "[]";

    public int ResidualLevel { get; private set; }

    public string? Note { get; private set; }

    public string AssessedById { get; private set; } = "";

    public string AssessedByName { get; private set; } = "";

    public DateTime AssessedAt { get; private set; }

    public sealed record Rating(int Likelihood, IReadOnlyList<int> Impacts);

    /// <summary>Checks both ratings against the methodology's scales and derives the impact and level of each.</summary>
    public static Result<RiskAssessment> Create(
        Guid riskId, RiskMethodology methodology, Rating inherent, Rating residual, string? note, string userId, string userName, DateTime now)
    {
        var definition = methodology.Definition;
        var check = new Validation()
            .Must(methodology.Status == MethodologyStatus.Approved, "", $"Methodology version {methodology.Number} is not the approved one; assess under the approved version.")
            .MaxLength(nameof(Note), note, Limits.LongText, "The note");
        Rate(check, "Inherent", inherent, definition);
        Rate(check, "Residual", residual, definition);
        if (!check.IsValid)
        {
            return Result<RiskAssessment>.From(check.ToResult());
        }

        var inherentImpact = inherent.Impacts.Max();
        var residualImpact = residual.Impacts.Max();
        return new RiskAssessment
        {
            RiskId = riskId,
            MethodologyId = methodology.Id,
            MethodologyNumber = methodology.Number,
            InherentLikelihood = inherent.Likelihood,
            InherentImpact = inherentImpact,
            InherentImpactsJson = System.Text.Json.JsonSerializer.Serialize(inherent.Impacts),
            InherentLevel = definition.LevelOf(inherent.Likelihood, inherentImpact),
            ResidualLikelihood = residual.Likelihood,
            ResidualImpact = residualImpact,
            ResidualImpactsJson = System.Text.Json.JsonSerializer.Serialize(residual.Impacts),
            ResidualLevel = definition.LevelOf(residual.Likelihood, residualImpact),
            Note = Text.OrNull(note),
            AssessedById = userId,
            AssessedByName = userName,
            AssessedAt = now,
        };
    }

    public IReadOnlyList<int> InherentImpacts => System.Text.Json.JsonSerializer.Deserialize<int[]>(InherentImpactsJson) ?? [];

    public IReadOnlyList<int> ResidualImpacts => System.Text.Json.JsonSerializer.Deserialize<int[]>(ResidualImpactsJson) ?? [];

    private static void Rate(Validation check, string prefix, Rating rating, MethodologyDefinition d)
    {
        var areas = d.RatedAreas;
        check.Must(rating.Likelihood >= 1 && rating.Likelihood <= d.Likelihood.Count, prefix + "Likelihood",
            $"Choose a likelihood between 1 and {d.Likelihood.Count}.");
        check.Must(rating.Impacts.Count == areas.Count, prefix + "Impact",
            areas.Count == 1 ? "Rate the impact." : $"Rate the impact for each of: {string.Join(", ", areas)}.");
        for (var i = 0; i < rating.Impacts.Count && i < areas.Count; i++)
        {
            check.Must(rating.Impacts[i] >= 1 && rating.Impacts[i] <= d.Impact.Count, $"{prefix}Impact{i}",
                $"{areas[i]}: choose an impact between 1 and {d.Impact.Count}.");
        }
    }
}
