using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Objectives;

/// <summary>The objectives' and metrics' filter as their URLs carry it (<c>?status=InProgress&amp;q=awareness</c>).</summary>
public sealed record ObjectiveFilter
{
    public string? Search { get; init; }

    public ObjectiveStatus? Status { get; init; }

    /// <summary>Metrics only: measurement due within a week or overdue.</summary>
    public bool Due { get; init; }

    /// <summary>Metrics only: retired ones too.</summary>
    public bool Retired { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new ObjectiveFilter();

    public static ObjectiveFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Status = Enum<ObjectiveStatus>(get("status")),
        Due = True(get("due")),
        Retired = True(get("retired")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("q", Search), ("status", Status?.ToString()), ("due", Due ? "true" : null), ("retired", Retired ? "true" : null), .. Paging(Page, PageSize)]);
}

/// <summary>The objectives, filtered and paged in SQL, each with its owner and how many of its metrics there are.</summary>
public sealed class ListObjectives(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required string Target { get; init; }

        public required string? Owner { get; init; }

        public required DateOnly DueOn { get; init; }

        public required ObjectiveStatus Status { get; init; }

        public required int Metrics { get; init; }
    }

    public async Task<Page<Row>> Handle(ObjectiveFilter filter, CancellationToken ct = default)
    {
        var q = db.Set<Objective>().AsNoTracking();
        if (filter.Status is { } status)
        {
            q = q.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = "%" + filter.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(o => EF.Functions.Like(o.Title.ToLower(), term) || EF.Functions.Like(o.Target.ToLower(), term));
        }

        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(o => o.DueOn).ThenBy(o => o.Title).Skip((page - 1) * size).Take(size).Select(o => new Row
        {
            Id = o.Id, Title = o.Title, Target = o.Target, DueOn = o.DueOn, Status = o.Status,
            Owner = db.Set<AppUser>().Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            Metrics = db.Set<Metric>().Count(m => m.ObjectiveId == o.Id && m.RetiredOn == null),
        }).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}

/// <summary>The metrics, filtered and paged in SQL, each with its latest current value.</summary>
public sealed class ListMetrics(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string? Unit { get; init; }

        public required MetricSource Source { get; init; }

        public required string? Objective { get; init; }

        public required Direction Direction { get; init; }

        public required decimal Target { get; init; }

        public required decimal? Threshold { get; init; }

        public required DateOnly NextDueOn { get; init; }

        public required bool Retired { get; init; }

        public required decimal? Latest { get; init; }

        public required DateOnly? LatestOn { get; init; }

        public Standing? Standing => Latest is { } v ? Metric.StandingOf(v, Direction, Target, Threshold) : null;
    }

    public async Task<Page<Row>> Handle(ObjectiveFilter filter, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var q = db.Set<Metric>().AsNoTracking();
        if (!filter.Retired)
        {
            q = q.Where(m => m.RetiredOn == null);
        }

        if (filter.Due)
        {
            var soon = today.AddDays(7);
            q = q.Where(m => m.RetiredOn == null && m.NextDueOn <= soon);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = "%" + filter.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(m => EF.Functions.Like(m.Name.ToLower(), term));
        }

        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(m => m.Name).Skip((page - 1) * size).Take(size).Select(m => new
        {
            m.Id, m.Name, m.Unit, m.Source, m.Direction, m.Target, m.Threshold, m.NextDueOn, m.RetiredOn,
            Objective = db.Set<Objective>().Where(o => o.Id == m.ObjectiveId).Select(o => o.Title).FirstOrDefault(),
            Latest = db.Set<Measurement>().Where(x => x.MetricId == m.Id && !db.Set<Measurement>().Any(c => c.SupersedesId == x.Id))
                .OrderByDescending(x => x.TakenOn).ThenByDescending(x => x.CreatedAt).Select(x => new { x.Value, x.TakenOn }).FirstOrDefault(),
        }).ToListAsync(ct);
        return new Page<Row>(rows.Select(m => new Row
        {
            Id = m.Id, Name = m.Name, Unit = m.Unit, Source = m.Source, Objective = m.Objective, Direction = m.Direction, Target = m.Target, Threshold = m.Threshold,
            NextDueOn = m.NextDueOn, Retired = m.RetiredOn is not null, Latest = m.Latest?.Value, LatestOn = m.Latest?.TakenOn,
        }).ToList(), page, size, total);
    }
}

/// <summary>
/// What a readiness check asks of clauses 6.2 and 9.1 — objectives set, each with a metric, metrics measured on time — and
/// the current user's part: manual values they are to record, their objectives past due.
/// </summary>
public sealed class GetObjectiveFacts(OpenIsmsDbContext db)
{
    public sealed record Due(Guid Id, string Name, DateOnly NextDueOn);

    public sealed record Facts
    {
        public required int Objectives { get; init; }

        public required int WithoutMetric { get; init; }

        public required int ActiveMetrics { get; init; }

        public required int Overdue { get; init; }

        public required IReadOnlyList<Due> MyMeasurements { get; init; }

        public required IReadOnlyList<Due> MyObjectivesPastDue { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var open = db.Set<Objective>().Where(o => o.Status != ObjectiveStatus.Cancelled);
        var userId = db.CurrentUser.UserId;
        var soon = today.AddDays(7);
        return new Facts
        {
            Objectives = await open.CountAsync(ct),
            WithoutMetric = await open.CountAsync(o => !db.Set<Metric>().Any(m => m.ObjectiveId == o.Id && m.RetiredOn == null), ct),
            ActiveMetrics = await db.Set<Metric>().CountAsync(m => m.RetiredOn == null, ct),
            Overdue = await db.Set<Metric>().CountAsync(m => m.RetiredOn == null && m.NextDueOn < today, ct),
            MyMeasurements = userId is null ? [] : await db.Set<Metric>().AsNoTracking()
                .Where(m => m.MeasuredById == userId && m.Source == MetricSource.Manual && m.RetiredOn == null && m.NextDueOn <= soon)
                .OrderBy(m => m.NextDueOn).Take(20).Select(m => new Due(m.Id, m.Name, m.NextDueOn)).ToListAsync(ct),
            MyObjectivesPastDue = userId is null ? [] : await db.Set<Objective>().AsNoTracking()
                .Where(o => o.OwnerId == userId && o.DueOn < today && (o.Status == ObjectiveStatus.Planned || o.Status == ObjectiveStatus.InProgress))
                .OrderBy(o => o.DueOn).Take(20).Select(o => new Due(o.Id, o.Title, o.DueOn)).ToListAsync(ct),
        };
    }
}

/// <summary>The pickers of the objective and metric forms.</summary>
public sealed class GetObjectiveFormOptions(OpenIsmsDbContext db)
{
    public sealed record Options
    {
        /// <summary>Who may own an objective: active users who may read objectives.</summary>
        public required IReadOnlyList<Choice> Owners { get; init; }

        /// <summary>Who may record a metric's values.</summary>
        public required IReadOnlyList<Choice> Measurers { get; init; }

        public required IReadOnlyList<Choice> Objectives { get; init; }
    }

    public async Task<Options> Handle(CancellationToken ct = default) => new()
    {
        Owners = await Users.Owners.Choices(db, ObjectivePermissions.Read, ct),
        Measurers = await Users.Owners.Choices(db, ObjectivePermissions.Measure, ct),
        // The id printed here, not by the database: SQLite keeps GUIDs as upper-case text, the form posts them lower-case.
        Objectives = (await db.Set<Objective>().AsNoTracking().OrderBy(o => o.Title).Select(o => new { o.Id, o.Title }).ToListAsync(ct))
            .Select(o => new Choice(o.Id.ToString(), o.Title, null)).ToList(),
    };
}
