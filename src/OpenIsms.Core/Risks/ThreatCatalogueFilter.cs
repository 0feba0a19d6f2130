using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The threat and vulnerability catalogues' filter as their URL carries it (<c>?kind=Threats&amp;q=…&amp;group=…&amp;page=…</c>):
/// parsed and printed here for the page and the links into it. The kind is always printed, so a link names its catalogue.
/// </summary>
public sealed record ThreatCatalogueFilter
{
    public CatalogueKind Kind { get; init; } = CatalogueKind.Threats;

    public string? Search { get; init; }

    /// <summary>One of the kind's groups (<see cref="Threat.Groups"/>, <see cref="Vulnerability.Groups"/>).</summary>
    public string? Group { get; init; }

    public int Page { get; init; } = 1;

    public static ThreatCatalogueFilter Parse(Func<string, string?> get) => new()
    {
        Kind = Enum<CatalogueKind>(get("kind")) ?? CatalogueKind.Threats,
        Search = Text.OrNull(get("q")),
        Group = Text.OrNull(get("group")),
        Page = Int(get("page")) ?? 1,
    };

    /// <summary>The URL's query, always with the kind.</summary>
    public string ToQueryString() => Join([("kind", Kind.ToString()), ("q", Search), ("group", Group), ("page", Page == 1 ? null : Page.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
