using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Objectives;

/// <summary>One objective, its metrics with their latest values against target, and its progress read from them.</summary>
public sealed class GetObjective(OpenIsmsDbContext db)
{
    /// <summary>How many of each metric's latest values the objective's small charts show.</summary>
    public const int SparkLength = 24;

    public sealed record MetricRow
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string? Unit { get; init; }

        public required Direction Direction { get; init; }

        public required decimal Target { get; init; }

        public required decimal? Threshold { get; init; }

        public required bool Retired { get; init; }

        public required DateOnly NextDueOn { get; init; }

        public required IReadOnlyList<Point> Trend { get; init; }

        public Point? Latest => Trend.Count == 0 ? null : Trend[^1];

        public Standing? Standing => Latest is { } p ? Metric.StandingOf(p.Value, Direction, Target, Threshold) : null;
    }

    public sealed record View
    {
        public required Objective Objective { get; init; }

        public required string? OwnerName { get; init; }

        public required IReadOnlyList<MetricRow> Metrics { get; init; }

        /// <summary>Active metrics with a value that are on target.</summary>
        public int OnTarget => Metrics.Count(m => !m.Retired && m.Standing == Objectives.Standing.OnTarget);

        /// <summary>Active metrics (whether measured or not).</summary>
        public int Measured => Metrics.Count(m => !m.Retired);
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var objective = await db.Set<Objective>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (objective is null)
        {
            return null;
        }

        var metrics = await db.Set<Metric>().AsNoTracking().Where(m => m.ObjectiveId == id).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Unit, m.Direction, m.Target, m.Threshold, m.RetiredOn, m.NextDueOn }).ToListAsync(ct);
        var ids = metrics.Select(m => m.Id).ToList();

        // The latest values of each of the objective's metrics: one small indexed query per metric (an objective has a
        // handful), each reading only its last values from (MetricId, TakenOn).
        var values = new List<(Guid MetricId, DateOnly TakenOn, DateTime CreatedAt, decimal Value)>();
        foreach (var metricId in ids)
        {
            values.AddRange((await GetMetric.Current(db, metricId).AsNoTracking().OrderByDescending(m => m.TakenOn).ThenByDescending(m => m.CreatedAt).Take(SparkLength)
                .Select(m => new { m.MetricId, m.TakenOn, m.CreatedAt, m.Value }).ToListAsync(ct)).Select(m => (m.MetricId, m.TakenOn, m.CreatedAt, m.Value)));
        }

        var byMetric = values.ToLookup(v => v.MetricId);
        return new View
        {
            Objective = objective,
            OwnerName = objective.OwnerId is { } u ? await db.Set<AppUser>().Where(x => x.Id == u).Select(x => x.DisplayName).FirstOrDefaultAsync(ct) : null,
            Metrics = metrics.Select(m => new MetricRow
            {
                Id = m.Id, Name = m.Name, Unit = m.Unit, Direction = m.Direction, Target = m.Target, Threshold = m.Threshold, Retired = m.RetiredOn is not null,
                NextDueOn = m.NextDueOn,
                Trend = byMetric[m.Id].OrderBy(v => v.TakenOn).ThenBy(v => v.CreatedAt).TakeLast(SparkLength).Select(v => new Point(v.TakenOn, v.Value)).ToList(),
            }).ToList(),
        };
    }
}
