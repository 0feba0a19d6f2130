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
        if (!db.CurrentUser.Has(EvidencePermissions.Read))
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
