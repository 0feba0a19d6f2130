using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Awareness;

/// <summary>The awareness dashboard's filter and page of overdue people, as its URL carries them.</summary>
public sealed record AwarenessFilter
{
    public Guid? TrainingId { get; init; }

    public string? Department { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static AwarenessFilter Parse(Func<string, string?> get) => new()
    {
        TrainingId = Guid.TryParse(get("training"), out var id) ? id : null,
        Department = Text.OrNull(get("department")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("training", TrainingId?.ToString()), ("department", Department), .. Paging(Page, PageSize)]);
}

/// <summary>A training page's list of people: by status and name, paged.</summary>
public sealed record TrainingPeopleFilter
{
    public TrainingStatus? Status { get; init; }

    public string? Search { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static TrainingPeopleFilter Parse(Func<string, string?> get) => new()
    {
        Status = Enum<TrainingStatus>(get("status")),
        Search = Text.OrNull(get("q")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("status", Status?.ToString()), ("q", Search), .. Paging(Page, PageSize)]);
}
