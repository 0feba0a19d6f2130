using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Documents;

/// <summary>The document register's filter and page as its URL carries them (<c>?q=…&amp;kind=Procedure&amp;overdue=true</c>).</summary>
public sealed record DocumentFilter
{
    public string? Search { get; init; }

    public DocumentKind? Kind { get; init; }

    public DocumentStatus? Status { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>Only documents whose review date has passed.</summary>
    public bool ReviewOverdue { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new DocumentFilter();

    public static DocumentFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Kind = Enum<DocumentKind>(get("kind")),
        Status = Enum<DocumentStatus>(get("status")),
        OwnerId = Text.OrNull(get("owner")),
        ReviewOverdue = get("overdue") == "true",
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("q", Search), ("kind", Kind?.ToString()), ("status", Status?.ToString()), ("owner", OwnerId),
        ("overdue", ReviewOverdue ? "true" : null), .. Paging(Page, PageSize)]);
}
