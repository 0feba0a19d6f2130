using System.Globalization;
using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The risk register's filter, sort and page, as its URL carries them (<c>?q=…&amp;owner=…&amp;treatment=Mitigate</c>):
/// parsed and printed here, once, for the register page, its heat map, its exports and the API. A value that does not
/// parse is no filter.
/// </summary>
public sealed record RiskFilter
{
    public string? Search { get; init; }

    public string? OwnerId { get; init; }

    public int? Level { get; init; }

    public RatingKind LevelOf { get; init; } = RatingKind.Residual;

    public TreatmentOption? Treatment { get; init; }

    /// <summary>None: every risk that is not closed.</summary>
    public RiskStatus? Status { get; init; }

    public Guid? AssetId { get; init; }

    /// <summary>The risks whose treatment plans on one control of the SoA's framework ("A.8.13").</summary>
    public string? AnnexA { get; init; }

    public bool ReviewOverdue { get; init; }

    /// <summary>A heat-map cell: likelihood and impact, both or neither.</summary>
    public int? CellLikelihood { get; init; }

    public int? CellImpact { get; init; }

    public RiskSort Sort { get; init; } = RiskSort.Reference;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the register (sorting and paging aside).</summary>
    public bool IsUnfiltered => this with { LevelOf = RatingKind.Residual, Sort = RiskSort.Reference, Descending = false, Page = 1, PageSize = 25 } == new RiskFilter();

    public static RiskFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        OwnerId = Text.OrNull(get("owner")),
        Level = Int(get("level")),
        LevelOf = string.Equals(get("kind"), "inherent", StringComparison.OrdinalIgnoreCase) ? RatingKind.Inherent : RatingKind.Residual,
        Treatment = Enum<TreatmentOption>(get("treatment")),
        Status = Enum<RiskStatus>(get("status")),
        AssetId = Guid.TryParse(get("asset"), out var asset) ? asset : null,
        AnnexA = Text.OrNull(get("annex")),
        ReviewOverdue = bool.TryParse(get("overdue"), out var overdue) && overdue,
        CellLikelihood = Int(get("l")),
        CellImpact = Int(get("i")),
        Sort = Enum<RiskSort>(get("sort")) ?? RiskSort.Reference,
        Descending = bool.TryParse(get("desc"), out var desc) && desc,
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>
    /// The URL's query ("?…", or "" for none), defaults left out. <paramref name="view"/>: with the heat-map cell, the
    /// sort and the page; without them it is what an export or the heat map of the same risks needs.
    /// </summary>
    public string ToQueryString(bool view = true)
    {
        var parts = new List<(string, string?)>
        {
            ("q", Search), ("owner", OwnerId), ("level", Level?.ToString(CultureInfo.InvariantCulture)),
            ("kind", LevelOf == RatingKind.Inherent && view ? "inherent" : null),
            ("treatment", Treatment?.ToString()), ("status", Status?.ToString()), ("asset", AssetId?.ToString()), ("annex", AnnexA),
            ("overdue", ReviewOverdue ? "true" : null),
        };
        if (view)
        {
            parts.AddRange([
                ("l", CellLikelihood?.ToString(CultureInfo.InvariantCulture)), ("i", CellImpact?.ToString(CultureInfo.InvariantCulture)),
                ("sort", Sort == RiskSort.Reference ? null : Sort.ToString()), ("desc", Descending ? "true" : null), .. Paging(Page, PageSize)]);
        }

        return Join(parts);
    }
}
