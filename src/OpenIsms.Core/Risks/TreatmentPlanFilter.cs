using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The treatment plan's filter and page, as its URL carries them (<c>?q=…&amp;owner=…&amp;status=all&amp;overdue=true</c>):
/// parsed and printed here, once, for the plan page and its exports. A value that does not parse is no filter.
/// </summary>
public sealed record TreatmentPlanFilter
{
    /// <summary>The plan shows 50 actions a page unless told otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Words in the action's title or its risk's id or title.</summary>
    public string? Search { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>None: the open actions (planned or in progress), or every action when <see cref="AnyStatus"/>.</summary>
    public ActionStatus? Status { get; init; }

    /// <summary>Every action, done and cancelled too ("status=all").</summary>
    public bool AnyStatus { get; init; }

    /// <summary>The open actions past their due date.</summary>
    public bool OverdueOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The same actions from the first page, as an export takes them.</summary>
    public TreatmentPlanFilter Unpaged => this with { Page = 1, PageSize = DefaultPageSize };

    public static TreatmentPlanFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        OwnerId = Text.OrNull(get("owner")),
        Status = Enum<ActionStatus>(get("status")),
        AnyStatus = get("status") == "all",
        OverdueOnly = True(get("overdue")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? DefaultPageSize,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() =>
        Join([("q", Search), ("owner", OwnerId), ("status", Status?.ToString() ?? (AnyStatus ? "all" : null)), ("overdue", OverdueOnly ? "true" : null),
            .. Paging(Page, PageSize, DefaultPageSize)]);
}
