using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Controls;

/// <summary>
/// The controls list's filter and page, as its URL carries them (<c>?q=…&amp;status=Operating&amp;annex=A.8.13</c>): parsed
/// and printed here, once, for the list page, the links into it and the API. A value that does not parse is no filter.
/// </summary>
public sealed record ControlFilter
{
    public string? Search { get; init; }

    public ControlStatus? Status { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>The controls that implement one control of the SoA's framework ("A.8.13").</summary>
    public string? AnnexA { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the list (paging aside).</summary>
    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new ControlFilter();

    public static ControlFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Status = Enum<ControlStatus>(get("status")),
        OwnerId = Text.OrNull(get("owner")),
        AnnexA = Text.OrNull(get("annex")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() => Join([("q", Search), ("status", Status?.ToString()), ("owner", OwnerId), ("annex", AnnexA), .. Paging(Page, PageSize)]);
}
