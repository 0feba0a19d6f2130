using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Objectives;

/// <summary>A point of a metric's trend: a current (not corrected) value on its day.</summary>
public sealed record Point(DateOnly TakenOn, decimal Value);

/// <summary>One metric with its trend (its current values, oldest first) and its measurements, corrections shown beside what they corrected.</summary>
public sealed class GetMetric(OpenIsmsDbContext db)
{
    /// <summary>How many values the trend shows (the latest); the table pages through all of them.</summary>
    public const int TrendLength = 500;

    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required DateOnly TakenOn { get; init; }

        public required decimal Value { get; init; }

        public required string? Note { get; init; }

        public required string RecordedBy { get; init; }

        public required DateTime RecordedAt { get; init; }

        public required Guid? SupersedesId { get; init; }

        /// <summary>A later measurement corrects this one: it is kept, struck through.</summary>
        public required bool Corrected { get; init; }
    }

    public sealed record View
    {
        public required Metric Metric { get; init; }

        public required string? ObjectiveTitle { get; init; }

        public required string? MeasuredBy { get; init; }

        public required IReadOnlyList<Point> Trend { get; init; }

        public required Page<Row> Measurements { get; init; }

        public required DateOnly Today { get; init; }
    }

    /// <summary>The metric's current values (a corrected value is replaced by its correction), in SQL.</summary>
    public static IQueryable<Measurement> Current(OpenIsmsDbContext db, Guid metricId) =>
        db.Set<Measurement>().Where(m => m.MetricId == metricId && !db.Set<Measurement>().Any(c => c.SupersedesId == m.Id));

    public async Task<View?> Handle(Guid id, int page = 1, CancellationToken ct = default)
    {
        var metric = await db.Set<Metric>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (metric is null)
        {
            return null;
        }

        var trend = (await Current(db, id).AsNoTracking().OrderByDescending(m => m.TakenOn).ThenByDescending(m => m.CreatedAt).Take(TrendLength)
            .Select(m => new Point(m.TakenOn, m.Value)).ToListAsync(ct)).AsEnumerable().Reverse().ToList();
        const int size = 25;
        var number = PageSizes.NormalisePage(page);
        var all = db.Set<Measurement>().AsNoTracking().Where(m => m.MetricId == id);
        var total = await all.CountAsync(ct);
        var rows = await all.OrderByDescending(m => m.TakenOn).ThenByDescending(m => m.CreatedAt).Skip((number - 1) * size).Take(size)
            .Select(m => new Row
            {
                Id = m.Id, TakenOn = m.TakenOn, Value = m.Value, Note = m.Note, RecordedBy = m.RecordedBy, RecordedAt = m.CreatedAt, SupersedesId = m.SupersedesId,
                Corrected = db.Set<Measurement>().Any(c => c.SupersedesId == m.Id),
            }).ToListAsync(ct);
        return new View
        {
            Metric = metric,
            ObjectiveTitle = metric.ObjectiveId is { } o ? await db.Set<Objective>().Where(x => x.Id == o).Select(x => x.Title).FirstOrDefaultAsync(ct) : null,
            MeasuredBy = metric.MeasuredById is { } u ? await db.Set<AppUser>().Where(x => x.Id == u).Select(x => x.DisplayName).FirstOrDefaultAsync(ct) : null,
            Trend = trend,
            Measurements = new Page<Row>(rows, number, size, total),
            Today = await db.Clock.Today(ct),
        };
    }
}
