using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Evidence;

/// <summary>The evidence register: every item, filtered by state, kind, control and text, and paged in SQL.</summary>
public sealed class ListEvidence(OpenIsmsDbContext db)
{
    public sealed record Query(string? Search = null, EvidenceState? State = null, EvidenceKind? Kind = null, Guid? ControlId = null, int Page = 1, int PageSize = 25);

    public sealed record Row(Guid Id, string Title, EvidenceKind Kind, string? FileName, long? SizeBytes, string CollectedBy, DateOnly CollectedOn, DateOnly? ValidUntil, EvidenceReview Review, EvidenceState State, IReadOnlyList<ControlRef> Controls);

    public sealed record ControlRef(Guid Id, string Reference);

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
    {
        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        if (!db.CurrentUser.Has(Permissions.EvidenceRead))
        {
            return new Page<Row>([], page, size, 0);
        }

        var today = await db.Clock.Today(ct);
        var q = db.Set<Evidence>().AsNoTracking();
        if (query.State is { } state)
        {
            q = InState(q, state, today);
        }

        if (query.Kind is { } kind)
        {
            q = q.Where(e => e.Kind == kind);
        }

        if (query.ControlId is { } controlId)
        {
            q = q.Where(e => db.Set<EvidenceControl>().Any(x => x.EvidenceId == e.Id && x.ControlId == controlId));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(e => EF.Functions.Like(e.Title.ToLower(), term) || EF.Functions.Like((e.FileName ?? "").ToLower(), term));
        }

        var total = await q.CountAsync(ct);
        var rows = await (from e in q.OrderByDescending(e => e.CollectedOn).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size)
                          join u in db.Set<AppUser>() on e.CollectedById equals u.Id
                          select new { e.Id, e.Title, e.Kind, e.FileName, e.SizeBytes, u.DisplayName, e.CollectedOn, e.ValidUntil, e.Review }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var controls = (await (from x in db.Set<EvidenceControl>() where ids.Contains(x.EvidenceId)
                               join c in db.Set<Control>() on x.ControlId equals c.Id
                               orderby c.Reference
                               select new { x.EvidenceId, c.Id, c.Reference }).ToListAsync(ct)).ToLookup(x => x.EvidenceId, x => new ControlRef(x.Id, x.Reference));
        var items = rows.OrderByDescending(r => r.CollectedOn).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Title, r.Kind, r.FileName, r.SizeBytes, r.DisplayName, r.CollectedOn, r.ValidUntil, r.Review, Evidence.StateOf(r.Review, r.ValidUntil, today), controls[r.Id].ToList()))
            .ToList();
        return new Page<Row>(items, page, size, total);
    }

    /// <summary>The SQL form of <see cref="Evidence.StateOf"/>.</summary>
    public static IQueryable<Evidence> InState(IQueryable<Evidence> q, EvidenceState state, DateOnly today)
    {
        var soon = today.AddDays(Evidence.ExpiringDays);
        return state switch
        {
            EvidenceState.Rejected => q.Where(e => e.Review == EvidenceReview.Rejected),
            EvidenceState.Expired => q.Where(e => e.Review != EvidenceReview.Rejected && e.ValidUntil < today),
            EvidenceState.AwaitingReview => q.Where(e => e.Review == EvidenceReview.Pending && (e.ValidUntil == null || e.ValidUntil >= today)),
            EvidenceState.ExpiringSoon => q.Where(e => e.Review == EvidenceReview.Accepted && e.ValidUntil >= today && e.ValidUntil < soon),
            _ => q.Where(e => e.Review == EvidenceReview.Accepted && (e.ValidUntil == null || e.ValidUntil >= soon)),
        };
    }
}

/// <summary>One item of evidence with the controls it shows and who collected and reviewed it.</summary>
public sealed class GetEvidence(OpenIsmsDbContext db)
{
    public sealed record ControlRef(Guid Id, string Reference, string Name, string? OwnerId);

    /// <param name="MayReview">The reader may accept or reject it now.</param>
    /// <param name="CollectedByReader">The reader has the right to review it but collected it, so someone else must.</param>
    public sealed record View(Evidence Evidence, EvidenceState State, string CollectedBy, string? ReviewedBy, IReadOnlyList<ControlRef> Controls, bool MayReview, DateOnly? TaskDue, int Downloads,
        bool CollectedByReader = false);

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.EvidenceRead))
        {
            return null;
        }

        var evidence = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null)
        {
            return null;
        }

        var names = await db.Set<AppUser>().Where(u => u.Id == evidence.CollectedById || u.Id == evidence.ReviewedById)
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var controls = await (from x in db.Set<EvidenceControl>() where x.EvidenceId == id
                              join c in db.Set<Control>() on x.ControlId equals c.Id
                              orderby c.Reference
                              select new ControlRef(c.Id, c.Reference, c.Name, c.OwnerId)).ToListAsync(ct);
        var taskDue = evidence.ControlTaskId is { } taskId
            ? await db.Set<ControlTask>().Where(t => t.Id == taskId).Select(t => (DateOnly?)t.DueOn).FirstOrDefaultAsync(ct)
            : null;
        var evidenceName = Activity.AuditNames.Of<Evidence>();
        var downloads = await db.Set<Activity.ActivityEntry>().CountAsync(a => a.EntityType == evidenceName && a.EntityId == id.ToString() && a.Action == EvidenceFiles.Downloaded, ct);
        var today = await db.Clock.Today(ct);
        var rights = Evidence.MayBeReviewedBy(db.CurrentUser, controls.FirstOrDefault(c => c.Id == evidence.ControlId)?.OwnerId);
        var reviewable = rights && db.CurrentUser.UserId is { } reader
            && evidence.IsReviewableBy(reader, await Organisations.GetOrganisation.SamePersonMayApprove(db, ct));
        return new View(evidence, Evidence.StateOf(evidence.Review, evidence.ValidUntil, today), names.GetValueOrDefault(evidence.CollectedById, "—"),
            evidence.ReviewedById is { } r ? names.GetValueOrDefault(r) : null, controls, reviewable, taskDue, downloads, rights && !reviewable);
    }
}

/// <summary>A control's evidence, newest first, a page at a time, and whether the control has current evidence.</summary>
public sealed class ListControlEvidence(OpenIsmsDbContext db)
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Title, EvidenceKind Kind, string? FileName, string CollectedBy, DateOnly CollectedOn, DateOnly? ValidUntil, EvidenceState State);

    /// <summary>Current: accepted evidence valid today. Otherwise what comes closest, so the owner knows what to do.</summary>
    public sealed record Summary(EvidenceState? State, DateOnly? ValidUntil, int Total);

    public sealed record View(Summary Summary, Page<Row> Items);

    public async Task<View?> Handle(Guid controlId, int page = 1, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.EvidenceRead))
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
            .Select(r => new Row(r.Id, r.Title, r.Kind, r.FileName, r.DisplayName, r.CollectedOn, r.ValidUntil, Evidence.StateOf(r.Review, r.ValidUntil, today))).ToList();
        return new View(summary, new Page<Row>(items, page, PageSize, total));
    }
}
