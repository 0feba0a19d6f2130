using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Activity;

/// <summary>
/// The activity log's filter and page, as its URL carries them (<c>?type=Risk&amp;user=…&amp;from=2026-12-01&amp;to=…</c>):
/// parsed and printed here, once, for the log page and a record's history. A value that does not parse is no filter.
/// </summary>
public sealed record ActivityFilter
{
    /// <summary>A record type by its stable audit name.</summary>
    public string? EntityType { get; init; }

    /// <summary>One record's entries: set by a record's history from its address's path, never read from the query.</summary>
    public string? EntityId { get; init; }

    /// <summary>Words in the name of who made the change.</summary>
    public string? User { get; init; }

    /// <summary>The first day shown, in the organisation's time zone.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day shown (inclusive), in the organisation's time zone.</summary>
    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static ActivityFilter Parse(Func<string, string?> get) => new()
    {
        EntityType = Text.OrNull(get("type")),
        User = Text.OrNull(get("user")),
        From = Date(get("from")),
        To = Date(get("to")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out; a record's history carries its record in the path.</summary>
    public string ToQueryString() => Join([("type", EntityType), ("user", User), ("from", Date(From)), ("to", Date(To)), .. Paging(Page, PageSize)]);
}
