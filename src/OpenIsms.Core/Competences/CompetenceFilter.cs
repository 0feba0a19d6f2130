using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Competences;

/// <summary>The competence matrix's filter and page as its URL carries them (<c>?role=…&amp;department=IT&amp;gaps=true</c>).</summary>
public sealed record CompetenceFilter
{
    public string? Search { get; init; }

    public Guid? RoleId { get; init; }

    public string? Department { get; init; }

    /// <summary>Only people with a need not met today.</summary>
    public bool GapsOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new CompetenceFilter();

    public static CompetenceFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        RoleId = Guid.TryParse(get("role"), out var role) ? role : null,
        Department = Text.OrNull(get("department")),
        GapsOnly = True(get("gaps")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("q", Search), ("role", RoleId?.ToString()), ("department", Department), ("gaps", GapsOnly ? "true" : null), .. Paging(Page, PageSize)]);
}
