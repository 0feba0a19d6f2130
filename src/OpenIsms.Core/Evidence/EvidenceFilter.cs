using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Evidence;

/// <summary>
/// The evidence register's filter and page, as its URL carries them (<c>?q=…&amp;state=Expired&amp;kind=File</c>): parsed
/// and printed here, once, for the register page, the links into it and the API. A value that does not parse is no filter.
/// </summary>
public sealed record EvidenceFilter
{
    public string? Search { get; init; }

    public EvidenceState? State { get; init; }

    public EvidenceKind? Kind { get; init; }

    /// <summary>The evidence linked to one control.</summary>
    public Guid? ControlId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the register (paging aside).</summary>
    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new EvidenceFilter();

    public static EvidenceFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        State = Enum<EvidenceState>(get("state")),
        Kind = Enum<EvidenceKind>(get("kind")),
        ControlId = Guid.TryParse(get("control"), out var control) ? control : null,
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() =>
        Join([("q", Search), ("state", State?.ToString()), ("kind", Kind?.ToString()), ("control", ControlId?.ToString()), .. Paging(Page, PageSize)]);
}
