using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>The whole treatment plan: every action with its risk, filtered and paged in SQL.</summary>
public sealed class ListTreatmentPlan(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required Guid RiskId { get; init; }

        public required string RiskReference { get; init; }

        public required string RiskTitle { get; init; }

        public required string Title { get; init; }

        public required string? OwnerId { get; init; }

        public required string? OwnerName { get; init; }

        public required DateOnly? Due { get; init; }

        public required ActionStatus Status { get; init; }

        public required string? ControlCode { get; init; }

        public required string? ControlTitle { get; init; }

        public required TreatmentOption? Treatment { get; init; }

        public required int? ResidualLevel { get; init; }

        public required int? ResidualScore { get; init; }

        public required string? Resources { get; init; }
    }

    /// <summary>The filtered actions alone: counted and paged without joins, so the indexes on status and due date do the work.</summary>
    private IQueryable<TreatmentAction> Filtered(TreatmentPlanFilter query, DateOnly today)
    {
        var q = db.Set<TreatmentAction>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.OwnerId))
        {
            q = q.Where(a => a.OwnerId == query.OwnerId);
        }

        if (query.Status is { } status)
        {
            q = q.Where(a => a.Status == status);
        }
        else if (!query.AnyStatus || query.OverdueOnly)
        {
            // Written as "not closed" rather than "planned or in progress": the same rows, but it leaves SQLite free to
            // read the (due, id) index in plan order and stop after one page instead of sorting every open action.
            q = q.Where(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled);
        }

        if (query.OverdueOnly)
        {
            q = q.Where(a => a.Due != null && a.Due < today);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(a => EF.Functions.Like(a.Title.ToLower(), term)
                || db.Set<Risk>().Any(r => r.Id == a.RiskId && (EF.Functions.Like(r.Reference.ToLower(), term) || EF.Functions.Like(r.Title.ToLower(), term))));
        }

        return q;
    }

    /// <summary>
    /// The treated risks (not closed) that the plan's rows do not name: those without an open action when the plan shows
    /// open actions, those without any action when it shows every status; matched against the same search, by
    /// identifier. Accepted and avoided risks are usually among them; the plan's export lists them so that it accounts
    /// for every treated risk.
    /// </summary>
    public IQueryable<Risk> RisksWithoutOpenActions(TreatmentPlanFilter query)
    {
        var risks = db.Set<Risk>().AsNoTracking().Where(r => r.Treatment != null && r.Status != RiskStatus.Closed);
        risks = query.AnyStatus
            ? risks.Where(r => !db.Set<TreatmentAction>().Any(a => a.RiskId == r.Id))
            : risks.Where(r => !db.Set<TreatmentAction>().Any(a => a.RiskId == r.Id && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            risks = risks.Where(r => EF.Functions.Like(r.Reference.ToLower(), term) || EF.Functions.Like(r.Title.ToLower(), term));
        }

        return risks.OrderBy(r => r.Reference);
    }

    /// <summary>Every matching action in plan order (due date, then when it was added), for the page and for exports.</summary>
    public IQueryable<Row> Rows(TreatmentPlanFilter query, DateOnly today) => Project(Filtered(query, today).OrderBy(a => a.Due).ThenBy(a => a.Id));

    private IQueryable<Row> Project(IQueryable<TreatmentAction> actions) =>
        from a in actions
        join r in db.Set<Risk>() on a.RiskId equals r.Id
        join u in db.Set<AppUser>() on a.OwnerId equals u.Id into owners
        from u in owners.DefaultIfEmpty()
        join c in db.Set<Requirement>() on a.RequirementId equals c.Id into controls
        from c in controls.DefaultIfEmpty()
        select new Row
        {
            Id = a.Id,
            RiskId = r.Id,
            RiskReference = r.Reference,
            RiskTitle = r.Title,
            Title = a.Title,
            OwnerId = a.OwnerId,
            OwnerName = u == null ? null : u.DisplayName,
            Due = a.Due,
            Status = a.Status,
            ControlCode = c == null ? null : c.Code,
            ControlTitle = c == null ? null : c.Title,
            Treatment = r.Treatment,
            ResidualLevel = r.ResidualLevel,
            ResidualScore = r.ResidualScore,
            Resources = a.Resources,
        };

    public async Task<Page<Row>> Handle(TreatmentPlanFilter query, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var filtered = Filtered(query, today);
        var size = query.PageSize is 25 or 50 or 100 ? query.PageSize : TreatmentPlanFilter.DefaultPageSize;
        var page = PageSizes.NormalisePage(query.Page);
        var total = await filtered.CountAsync(ct);
        var items = await Project(filtered.OrderBy(a => a.Due).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<Row>(items, page, size, total);
    }
}
