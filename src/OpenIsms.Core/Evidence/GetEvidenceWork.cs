using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>
/// The current user's control work for "My work": runs of their recurring controls due soon or overdue, their controls
/// whose evidence expires soon or has expired, and evidence waiting for their review.
/// </summary>
public sealed class GetEvidenceWork(OpenIsmsDbContext db)
{
    public const int TaskLookAheadDays = 14;


    public sealed record DueTask
    {
        public required Guid ControlId { get; init; }

        public required Guid TaskId { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required DateOnly DueOn { get; init; }

        public required bool Overdue { get; init; }
    }

    public sealed record Expiring
    {
        public required Guid ControlId { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required DateOnly ValidUntil { get; init; }

        public required bool Expired { get; init; }
    }

    public sealed record ToReview(Guid EvidenceId, string Title, string Controls, DateOnly CollectedOn);

    public sealed record View(IReadOnlyList<DueTask> Tasks, IReadOnlyList<Expiring> ExpiringEvidence, IReadOnlyList<ToReview> AwaitingReview)
    {
        public bool IsEmpty => Tasks.Count == 0 && ExpiringEvidence.Count == 0 && AwaitingReview.Count == 0;
    }

    public async Task<View> Handle(CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId || !db.CurrentUser.Has(ControlPermissions.Read))
        {
            return new View([], [], []);
        }

        var today = await db.Clock.Today(ct);
        var horizon = today.AddDays(TaskLookAheadDays);
        var tasks = await (from t in db.Set<ControlTask>().AsNoTracking()
                           join c in db.Set<Control>() on t.ControlId equals c.Id
                           where c.OwnerId == userId && t.Status == ControlTaskStatus.Open && t.DueOn <= horizon
                           orderby t.DueOn, c.Reference
                           select new DueTask
                           {
                               ControlId = c.Id,
                               TaskId = t.Id,
                               Reference = c.Reference,
                               Name = c.Name,
                               DueOn = t.DueOn,
                               Overdue = t.DueOn < today,
                           }).Take(50).ToListAsync(ct);
        var soon = today.AddDays(Evidence.ExpiringDays);

        // A control counts by its longest-valid evidence: an expired item that newer evidence replaced is not work. Read
        // from the user's controls outwards (their links, then the evidence), never by scanning all evidence.
        var lapsing = await (from c in db.Set<Control>().AsNoTracking()
                             where c.OwnerId == userId
                             join x in db.Set<EvidenceControl>() on c.Id equals x.ControlId
                             join e in db.Set<Evidence>() on x.EvidenceId equals e.Id
                             where e.Review != EvidenceReview.Rejected
                             group e.ValidUntil by c.Id into g

                             // Evidence valid without limit keeps its control current: it counts as the latest date.
                             select new { Id = g.Key, Until = g.Max(v => v ?? DateOnly.MaxValue) })
            .Where(g => g.Until < soon).OrderBy(g => g.Until).Take(50).ToListAsync(ct);
        var lapsingIds = lapsing.Select(l => l.Id).ToList();
        var names = await db.Set<Control>().AsNoTracking().Where(c => lapsingIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.Reference, c.Name }, ct);
        var expiring = lapsing.Select(l => new { l.Id, names[l.Id].Reference, names[l.Id].Name, Until = l.Until }).OrderBy(l => l.Until).ThenBy(l => l.Reference, StringComparer.Ordinal).ToList();

        // Evidence of the person's controls (the ones it was collected for); a reviewer for everything also picks up
        // the evidence of controls nobody owns yet. The database starts from those controls (an IN subquery).
        // Only for people who may read and review evidence (its titles are evidence), and never what they collected
        // themselves unless the organisation allows one person both.
        var mayReviewAll = db.CurrentUser.Has(EvidencePermissions.Review);
        var mayReviewOwn = db.CurrentUser.Has(EvidencePermissions.Read) && db.CurrentUser.Has(OwnerDuties.Control);
        var samePerson = await Organisations.GetOrganisation.SamePersonMayApprove(db, ct);
        var mine = db.Set<Control>().Where(c => (mayReviewOwn && c.OwnerId == userId) || (mayReviewAll && c.OwnerId == null)).Select(c => (Guid?)c.Id);
        var review = !mayReviewAll && !mayReviewOwn ? [] : await db.Set<Evidence>().AsNoTracking()
            .Where(e => mine.Contains(e.ControlId) && e.Review == EvidenceReview.Pending && (e.ValidUntil == null || e.ValidUntil >= today))
            .Where(e => samePerson || e.CollectedById != userId)
            .OrderBy(e => e.CollectedOn).ThenBy(e => e.Id).Select(e => new { e.Id, e.Title, e.CollectedOn }).Take(50).ToListAsync(ct);
        var ids = review.Select(r => r.Id).ToList();
        var refs = (await (from x in db.Set<EvidenceControl>() where ids.Contains(x.EvidenceId)
                           join c in db.Set<Control>() on x.ControlId equals c.Id
                           select new { x.EvidenceId, c.Reference }).ToListAsync(ct)).ToLookup(x => x.EvidenceId, x => x.Reference);
        return new View(
            tasks,
            expiring.Select(e => new Expiring { ControlId = e.Id, Reference = e.Reference, Name = e.Name, ValidUntil = e.Until, Expired = e.Until < today }).ToList(),
            review.Select(r => new ToReview(r.Id, r.Title, string.Join(", ", refs[r.Id].Order(StringComparer.Ordinal)), r.CollectedOn)).ToList());
    }
}
