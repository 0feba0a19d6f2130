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
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required EvidenceKind Kind { get; init; }

        public required string? FileName { get; init; }

        public required long? SizeBytes { get; init; }

        public required string CollectedBy { get; init; }

        public required DateOnly CollectedOn { get; init; }

        public required DateOnly? ValidUntil { get; init; }

        public required EvidenceReview Review { get; init; }

        public required EvidenceState State { get; init; }

        public required IReadOnlyList<ControlRef> Controls { get; init; }
    }

    public sealed record ControlRef(Guid Id, string Reference);

    public async Task<Page<Row>> Handle(EvidenceFilter query, CancellationToken ct = default)
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
            .Select(r => new Row
            {
                Id = r.Id,
                Title = r.Title,
                Kind = r.Kind,
                FileName = r.FileName,
                SizeBytes = r.SizeBytes,
                CollectedBy = r.DisplayName,
                CollectedOn = r.CollectedOn,
                ValidUntil = r.ValidUntil,
                Review = r.Review,
                State = Evidence.StateOf(r.Review, r.ValidUntil, today),
                Controls = controls[r.Id].ToList(),
            })
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
