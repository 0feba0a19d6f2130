using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Context;

/// <summary>
/// The interested-party register's filter and page, as its URL carries them (<c>?q=…&amp;source=Legal&amp;open=true</c>):
/// parsed and printed here, once. A value that does not parse is no filter.
/// </summary>
public sealed record InterestedPartyFilter
{
    /// <summary>Words in the party's name or in one of its requirements.</summary>
    public string? Search { get; init; }

    public PartyOrigin? Origin { get; init; }

    /// <summary>The parties with at least one requirement of this kind.</summary>
    public RequirementSource? Source { get; init; }

    /// <summary>The parties with a requirement the ISMS does not address yet.</summary>
    public bool UnaddressedOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the register (paging aside).</summary>
    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new InterestedPartyFilter();

    public static InterestedPartyFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Origin = Enum<PartyOrigin>(get("origin")),
        Source = Enum<RequirementSource>(get("source")),
        UnaddressedOnly = True(get("open")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() =>
        Join([("q", Search), ("origin", Origin?.ToString()), ("source", Source?.ToString()), ("open", UnaddressedOnly ? "true" : null), .. Paging(Page, PageSize)]);
}
