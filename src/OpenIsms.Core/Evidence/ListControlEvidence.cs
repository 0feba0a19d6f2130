using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Evidence;

/// <summary>A control's evidence, newest first, a page at a time, and whether the control has current evidence.</summary>
public sealed class ListControlEvidence(OpenIsmsDbContext db)
{
    public const int PageSize = 20;

    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required EvidenceKind Kind { get; init; }

        public required string? FileName { get; init; }

        public required string CollectedBy { get; init; }

        public required DateOnly CollectedOn { get; init; }

        public required DateOnly? ValidUntil { get; init; }

        public required EvidenceState State { get; init; }
    }

    /// <summary>Current: accepted evidence valid today. Otherwise what comes closest, so the owner knows what to do.</summary>
    public sealed record Summary(EvidenceState? State, DateOnly? ValidUntil, int Total);

    public sealed record View(Summary Summary, Page<Row> Items);

    public async Task<View?> Handle(Guid controlId, int page = 1, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(EvidencePermissions.Read))
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        page = PageSizes.NormalisePage(page);
        var linked = from x in db.Set<EvidenceControl>().AsNoTracking()
                     where x.ControlId == controlId
                     join e in db.Set<Evidence>() on x.EvidenceId equals e.Id
                     select e;
        var total = await linked.CountAsync(ct);
        var rows = await (from e in linked.OrderByDescending(e => e.CollectedOn).ThenByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize)
                          join u in db.Set<AppUser>() on e.CollectedById equals u.Id
                          select new { e.Id, e.Title, e.Kind, e.FileName, u.DisplayName, e.CollectedOn, e.ValidUntil, e.Review }).ToListAsync(ct);
        var best = await linked.Where(e => e.Review != EvidenceReview.Rejected && (e.ValidUntil == null || e.ValidUntil >= today))
            .OrderByDescending(e => e.Review == EvidenceReview.Accepted).ThenByDescending(e => e.ValidUntil == null).ThenByDescending(e => e.ValidUntil)
            .Select(e => new { e.Review, e.ValidUntil }).FirstOrDefaultAsync(ct);
        var summary = best is not null ? new Summary(Evidence.StateOf(best.Review, best.ValidUntil, today), best.ValidUntil, total)
            : total == 0 ? new Summary(null, null, 0)
            : await linked.AnyAsync(e => e.Review != EvidenceReview.Rejected, ct) ? new Summary(EvidenceState.Expired, null, total)
            : new Summary(EvidenceState.Rejected, null, total);
        var items = rows.OrderByDescending(r => r.CollectedOn).ThenByDescending(r => r.Id)
            .Select(r => new Row
            {
                Id = r.Id,
                Title = r.Title,
                Kind = r.Kind,
                FileName = r.FileName,
                CollectedBy = r.DisplayName,
                CollectedOn = r.CollectedOn,
                ValidUntil = r.ValidUntil,
                State = Evidence.StateOf(r.Review, r.ValidUntil, today),
            }).ToList();
        return new View(summary, new Page<Row>(items, page, PageSize, total));
    }
}
