using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Context;

/// <summary>
/// The register of internal and external issues: its filter and page as its URL carries them
/// (<c>?q=…&amp;origin=External&amp;climate=true</c>), parsed and printed here, once. A value that does not parse is no filter.
/// </summary>
public sealed record ContextIssueFilter
{
    public string? Search { get; init; }

    public IssueOrigin? Origin { get; init; }

    public bool ClimateOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the register (paging aside).</summary>
    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new ContextIssueFilter();

    public static ContextIssueFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Origin = Enum<IssueOrigin>(get("origin")),
        ClimateOnly = True(get("climate")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() => Join([("q", Search), ("origin", Origin?.ToString()), ("climate", ClimateOnly ? "true" : null), .. Paging(Page, PageSize)]);
}
