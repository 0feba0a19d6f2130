using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Risks;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Audits;

/// <summary>Why an item is audited more often than once a cycle.</summary>
public enum AuditPriority
{
    Normal,

    /// <summary>A control treating a risk above the acceptance threshold.</summary>
    HighRisk,

    /// <summary>A nonconformity was raised against it within the last year.</summary>
    RecentNonconformity,
}

/// <summary>Where a programme item stands.</summary>
public enum ProgrammeStatus
{
    /// <summary>Audited, and not due again for more than 90 days.</summary>
    Covered,

    /// <summary>In an audit that is planned or in progress, starting by its due date.</summary>
    Planned,

    /// <summary>In a planned audit that starts after the item is due.</summary>
    PlannedLate,

    /// <summary>Due within 90 days (or never audited) and in no planned audit: it will not be covered in time unless planned.</summary>
    NotPlanned,

    /// <summary>Past its date and in no planned audit.</summary>
    Overdue,
}

/// <summary>The programme's filter, as its URL carries it.</summary>
public sealed record ProgrammeFilter
{
    public string? Search { get; init; }

    public AuditItemKind? Kind { get; init; }

    public ProgrammeStatus? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public static ProgrammeFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")), Kind = Enum<AuditItemKind>(get("kind")), Status = Enum<ProgrammeStatus>(get("status")),
        Page = Int(get("page")) ?? 1, PageSize = Int(get("size")) ?? 50,
    };

    public string ToQueryString() => Join([("q", Search), ("kind", Kind?.ToString()), ("status", Status?.ToString()), .. Paging(Page, PageSize, 50)]);
}

/// <summary>
/// The internal audit programme (clause 9.2.2) over its cycle: for each item of the audit universe, when it was last
/// audited (in a reported audit, with a result other than "not audited"), when it is planned, how often it is due — once
/// a cycle, or yearly for a control treating a risk above appetite and for an item with a recent nonconformity — and
/// whether it will be covered in time.
/// </summary>
public sealed class GetAuditProgramme(OpenIsmsDbContext db, GetAuditUniverse universeQuery, AuditProgrammeCache cache)
{
    public sealed record Row
    {
        public required AuditItemKind Kind { get; init; }

        public required string Code { get; init; }

        public required string Title { get; init; }

        public required DateOnly? LastAuditedOn { get; init; }

        public required DateOnly? PlannedOn { get; init; }

        public required AuditPriority Priority { get; init; }

        public required int IntervalYears { get; init; }

        public required DateOnly DueBy { get; init; }

        public required ProgrammeStatus Status { get; init; }
    }

    public sealed record View
    {
        public required Page<Row> Rows { get; init; }

        public required IReadOnlyDictionary<ProgrammeStatus, int> Counts { get; init; }

        public required int CycleYears { get; init; }

        public required DateOnly Today { get; init; }
    }

    public async Task<View> Handle(ProgrammeFilter filter, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var (rows, cycle) = await cache.Everything(db, today, () => Build(today, ct), ct);
        var shown = rows.Where(r => (filter.Kind is null || r.Kind == filter.Kind) && (filter.Status is null || r.Status == filter.Status)
            && (filter.Search is null || r.Code.Contains(filter.Search, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(filter.Search, StringComparison.OrdinalIgnoreCase))).ToList();
        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        return new View
        {
            Rows = new Page<Row>([.. shown.Skip((page - 1) * size).Take(size)], page, size, shown.Count),
            Counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            CycleYears = cycle,
            Today = today,
        };
    }

    /// <summary>How many items the audit universe has, and how many of them were never audited (for readiness).</summary>
    public async Task<(int Items, int NeverAudited)> Coverage(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var (rows, _) = await cache.Everything(db, today, () => Build(today, ct), ct);
        return (rows.Count, rows.Count(r => r.LastAuditedOn is null));
    }

    /// <summary>Every row of the programme, as of today (the cache keeps it until anything is written).</summary>
    private async Task<(IReadOnlyList<Row> Rows, int CycleYears)> Build(DateOnly today, CancellationToken ct)
    {
        var universe = await universeQuery.Handle(ct);
        var organisation = await db.Set<Organisation>().OrderBy(o => o.CreatedAt).Select(o => new { o.AuditCycleYears, o.CreatedAt }).FirstOrDefaultAsync(ct);
        var cycle = organisation?.AuditCycleYears ?? Organisation.DefaultAuditCycleYears;
        var start = DateOnly.FromDateTime(organisation?.CreatedAt ?? DateTime.UnixEpoch);
        var done = new[] { AuditState.Reported, AuditState.Closed };
        var open = new[] { AuditState.Planned, AuditState.InProgress };
        var audited = (await db.Set<AuditItem>().Where(i => i.Result != null && i.Result != AuditResult.NotAudited)
                .Join(db.Set<Audit>().Where(a => done.Contains(a.State)), i => i.AuditId, a => a.Id, (i, a) => new { i.Kind, i.Code, a.ReportedOn })
                .GroupBy(x => new { x.Kind, x.Code }).Select(g => new { g.Key.Kind, g.Key.Code, Last = g.Max(x => x.ReportedOn) }).ToListAsync(ct))
            .ToDictionary(x => GetAuditUniverse.Keys.Of(x.Kind, x.Code), x => x.Last);
        var planned = (await db.Set<AuditItem>()
                .Join(db.Set<Audit>().Where(a => open.Contains(a.State)), i => i.AuditId, a => a.Id, (i, a) => new { i.Kind, i.Code, a.PlannedStart })
                .GroupBy(x => new { x.Kind, x.Code }).Select(g => new { g.Key.Kind, g.Key.Code, First = g.Min(x => x.PlannedStart) }).ToListAsync(ct))
            .ToDictionary(x => GetAuditUniverse.Keys.Of(x.Kind, x.Code), x => x.First);
        var highRisk = await HighRiskRequirements(ct);
        var yearAgo = today.AddYears(-1);
        var recent = await db.Set<Nonconformity>().Where(n => n.RaisedOn >= yearAgo).Select(n => new { n.RequirementId, n.Process }).Distinct().ToListAsync(ct);
        var recentRequirements = recent.Where(r => r.RequirementId is not null).Select(r => r.RequirementId!.Value).ToHashSet();
        var recentPlaces = recent.Where(r => r.Process is not null).Select(r => r.Process!.ToLowerInvariant()).ToHashSet();

        var rows = universe.Select(i =>
        {
            var priority = i.RequirementId is { } r && highRisk.Contains(r) ? AuditPriority.HighRisk
                : (i.RequirementId is { } q && recentRequirements.Contains(q)) || (i.RequirementId is null && recentPlaces.Contains(i.Code.ToLowerInvariant())) ? AuditPriority.RecentNonconformity
                : AuditPriority.Normal;
            var interval = priority == AuditPriority.Normal ? cycle : 1;
            var last = audited.GetValueOrDefault(i.Key);
            var plannedOn = planned.TryGetValue(i.Key, out var p) ? p : (DateOnly?)null;
            var due = (last ?? start).AddYears(interval);
            var status = plannedOn is { } on ? (on <= due ? ProgrammeStatus.Planned : ProgrammeStatus.PlannedLate)
                : due < today ? ProgrammeStatus.Overdue
                : last is null || due <= today.AddDays(90) ? ProgrammeStatus.NotPlanned
                : ProgrammeStatus.Covered;
            return new Row
            {
                Kind = i.Kind, Code = i.Code, Title = i.Title, LastAuditedOn = last, PlannedOn = plannedOn, Priority = priority, IntervalYears = interval, DueBy = due, Status = status,
            };
        }).ToList();
        return (rows, cycle);
    }

    /// <summary>The controls planned on a risk whose current level (residual if assessed, else inherent) is above its methodology's acceptance threshold.</summary>
    private async Task<HashSet<Guid>> HighRiskRequirements(CancellationToken ct)
    {
        var thresholds = (await db.Set<RiskMethodology>().Select(m => new { m.Id, m.DefinitionJson }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => MethodologyDefinition.FromJson(m.DefinitionJson).AcceptanceThreshold);
        var planned = await db.Set<RiskControl>().Join(db.Set<Risk>(), c => c.RiskId, r => r.Id, (c, r) => new { c.RequirementId, r.MethodologyId, Level = r.ResidualLevel ?? r.InherentLevel })
            .Where(x => x.MethodologyId != null && x.Level != null).Distinct().ToListAsync(ct);
        return [.. planned.Where(x => thresholds.TryGetValue(x.MethodologyId!.Value, out var t) && x.Level > t).Select(x => x.RequirementId)];
    }
}

/// <summary>
/// This node's copy of the whole programme, keyed by the activity log's head and the day (ADR 30): the programme reads
/// every audit's checklist, every risk and every nonconformity, and changes only when one of them does.
/// </summary>
public sealed class AuditProgrammeCache : Data.Log.KeptByLogHead<AuditProgrammeCache.Programme>
{
    public sealed record Programme(IReadOnlyList<GetAuditProgramme.Row> Rows, int Cycle);

    internal async Task<(IReadOnlyList<GetAuditProgramme.Row> Rows, int Cycle)> Everything(
        OpenIsmsDbContext db, DateOnly today, Func<Task<(IReadOnlyList<GetAuditProgramme.Row> Rows, int CycleYears)>> build, CancellationToken ct)
    {
        var kept = await Get(db, today, async () =>
        {
            var (rows, cycle) = await build();
            return new Programme(rows, cycle);
        }, ct);
        return (kept.Rows, kept.Cycle);
    }
}
