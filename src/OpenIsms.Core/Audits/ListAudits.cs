using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Audits;

/// <summary>The audits list's filter, as its URL carries it.</summary>
public sealed record AuditFilter
{
    public string? Search { get; init; }

    public AuditState? State { get; init; }

    /// <summary>Only audits the current user is on the team of.</summary>
    public bool Mine { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new AuditFilter();

    public static AuditFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")), State = Enum<AuditState>(get("state")), Mine = True(get("mine")), Page = Int(get("page")) ?? 1, PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("q", Search), ("state", State?.ToString()), ("mine", Mine ? "true" : null), .. Paging(Page, PageSize)]);
}

/// <summary>The internal audits, newest first, each with its lead auditor, its checklist's progress and its nonconformities.</summary>
public sealed class ListAudits(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required AuditState State { get; init; }

        public required DateOnly PlannedStart { get; init; }

        public required DateOnly PlannedEnd { get; init; }

        public required string? LeadAuditor { get; init; }

        public required int Items { get; init; }

        public required int Recorded { get; init; }

        public required int Nonconformities { get; init; }
    }

    public async Task<Page<Row>> Handle(AuditFilter filter, CancellationToken ct = default)
    {
        var q = db.Set<Audit>().AsNoTracking();
        if (filter.State is { } state)
        {
            q = q.Where(a => a.State == state);
        }

        if (filter.Mine)
        {
            var me = db.CurrentUser.UserId ?? "";
            q = q.Where(a => db.Set<AuditAuditor>().Any(t => t.AuditId == a.Id && t.UserId == me));
        }

        if (filter.Search is { } search)
        {
            var term = "%" + search.Trim().ToLowerInvariant() + "%";
            q = q.Where(a => EF.Functions.Like(a.Reference.ToLower(), term) || EF.Functions.Like(a.Title.ToLower(), term));
        }

        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.PlannedStart).ThenByDescending(a => a.Reference).Skip((page - 1) * size).Take(size).Select(a => new Row
        {
            Id = a.Id, Reference = a.Reference, Title = a.Title, State = a.State, PlannedStart = a.PlannedStart, PlannedEnd = a.PlannedEnd,
            LeadAuditor = db.Set<AppUser>().Where(u => u.Id == a.LeadAuditorId).Select(u => u.DisplayName).FirstOrDefault(),
            Items = a.ItemCount, Recorded = a.RecordedCount, Nonconformities = a.NonconformityCount,
        }).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}

/// <summary>
/// What readiness asks of clause 9.2 — a reported audit, the universe covered — and the current user's part: audits they
/// are on the team of that are planned or in progress.
/// </summary>
public sealed class GetAuditFacts(OpenIsmsDbContext db)
{
    public sealed record Mine(Guid Id, string Reference, string Title, AuditState State);

    public sealed record Facts
    {
        public required int Reported { get; init; }

        public required int Open { get; init; }

        public required IReadOnlyList<Mine> ToConduct { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var me = db.CurrentUser.UserId ?? "";
        var counts = await db.Set<Audit>().GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Facts
        {
            Reported = counts.Where(c => c.Key is AuditState.Reported or AuditState.Closed).Sum(c => c.Count),
            Open = counts.Where(c => c.Key is AuditState.Planned or AuditState.InProgress).Sum(c => c.Count),
            ToConduct = await db.Set<Audit>().Where(a => (a.State == AuditState.Planned || a.State == AuditState.InProgress)
                    && db.Set<AuditAuditor>().Any(t => t.AuditId == a.Id && t.UserId == me))
                .OrderBy(a => a.PlannedStart).Take(20).Select(a => new Mine(a.Id, a.Reference, a.Title, a.State)).ToListAsync(ct),
        };
    }
}
