using OpenIsms.Core.Common;

namespace OpenIsms.Core.Risks;

/// <summary>How ratings on an old version's scales translate to the approved version's scales.</summary>
public sealed record ScaleMapping(IReadOnlyList<int> Likelihood, IReadOnlyList<int> Impact)
{
    /// <summary>Spreads the old levels evenly over the new ones: the lowest stays lowest, the highest stays highest.</summary>
    public static ScaleMapping Proportional(MethodologyDefinition from, MethodologyDefinition to) =>
        new(Spread(from.Likelihood.Count, to.Likelihood.Count), Spread(from.Impact.Count, to.Impact.Count));

    public static IReadOnlyList<int> Spread(int fromCount, int toCount) =>
        Enumerable.Range(1, fromCount)
            .Select(v => fromCount == 1 ? 1 : 1 + (int)Math.Round((v - 1) * (toCount - 1) / (double)(fromCount - 1), MidpointRounding.AwayFromZero))
            .ToList();

    public Result Validate(MethodologyDefinition from, MethodologyDefinition to) => new Validation()
        .Must(Likelihood.Count == from.Likelihood.Count && Likelihood.All(v => v >= 1 && v <= to.Likelihood.Count), nameof(Likelihood),
            $"Map every old likelihood level to one of the {to.Likelihood.Count} new levels.")
        .Must(Impact.Count == from.Impact.Count && Impact.All(v => v >= 1 && v <= to.Impact.Count), nameof(Impact),
            $"Map every old impact level to one of the {to.Impact.Count} new levels.")
        .ToResult();

    /// <summary>Translates one rating; impact areas are matched by name, and an area new in the target takes the highest mapped impact.</summary>
    public RiskAssessment.Rating Map(int likelihood, IReadOnlyList<int> impacts, MethodologyDefinition from, MethodologyDefinition to)
    {
        var oldAreas = from.RatedAreas;
        var mapped = impacts.Select(i => Impact[i - 1]).ToList();
        var highest = mapped.Count == 0 ? 1 : mapped.Max();
        var newImpacts = to.RatedAreas.Select(area =>
        {
            var index = oldAreas.ToList().FindIndex(a => string.Equals(a, area, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && index < mapped.Count ? mapped[index] : highest;
        }).ToList();
        return new RiskAssessment.Rating(Likelihood[likelihood - 1], newImpacts);
    }
}
