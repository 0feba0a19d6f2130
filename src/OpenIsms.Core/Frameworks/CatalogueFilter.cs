using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// The catalogue's filter as its URL carries it (<c>?framework=…&amp;q=…&amp;kind=…&amp;theme=…&amp;attribute=…</c>): parsed
/// and printed here for the page, its htmx fragment and the links into it. <see cref="ToQuery"/> drops the values the
/// framework's data does not offer.
/// </summary>
public sealed record CatalogueFilter
{
    /// <summary>The framework's key; none means the organisation's default (ISO/IEC 27001:2022).</summary>
    public string? Framework { get; init; }

    public string? Search { get; init; }

    /// <summary>A level of the framework by its URL name ("controls", "subcategories").</summary>
    public string? Kind { get; init; }

    public string? Theme { get; init; }

    public string? Attribute { get; init; }

    public bool Withdrawn { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static CatalogueFilter Parse(Func<string, string?> get) => new()
    {
        Framework = Text.OrNull(get("framework")),
        Search = Text.OrNull(get("q")),
        Kind = Text.OrNull(get("kind")),
        Theme = Text.OrNull(get("theme")),
        Attribute = Text.OrNull(get("attribute")),
        Withdrawn = True(get("withdrawn")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() => Join(
    [
        ("framework", Framework), ("q", Search), ("kind", Kind), ("theme", Theme), ("attribute", Attribute), ("withdrawn", Withdrawn ? "true" : null),
        .. Paging(Page, PageSize),
    ]);

    public ListRequirements.Query ToQuery(GetFramework.View framework) => new()
    {
        Framework = framework.Framework.Key,
        Search = Search,
        Class = framework.LevelOf(Kind)?.Class,
        Theme = framework.Themes.Contains(Theme) ? Theme : null,
        Attribute = framework.Framework.FamilyList.Any(f => f.Values.Contains(Attribute)) ? Attribute : null,
        IncludeWithdrawn = Withdrawn,
        Page = Page,
        PageSize = PageSize,
    };
}
