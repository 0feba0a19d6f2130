using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.People;

/// <summary>Who the staff list shows: current staff, those who have left, or everyone.</summary>
public enum Employment
{
    Current,
    Left,
    Everyone,
}

/// <summary>
/// The staff list's filter and page as its URL carries them (<c>?q=…&amp;department=Sales&amp;staff=Left</c>), parsed and
/// printed here, once. A value that does not parse is no filter.
/// </summary>
public sealed record PersonFilter
{
    public string? Search { get; init; }

    public string? Department { get; init; }

    public Employment Staff { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the list (paging aside).</summary>
    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new PersonFilter();

    public static PersonFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Department = Text.OrNull(get("department")),
        Staff = Enum<Employment>(get("staff")) ?? Employment.Current,
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() => Join([("q", Search), ("department", Department), ("staff", Staff == Employment.Current ? null : Staff.ToString()), .. Paging(Page, PageSize)]);
}
