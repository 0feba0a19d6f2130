using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>The risk register: filtered, sorted and paged in SQL, owner names joined in the same query.</summary>
public sealed class ListRisks(OpenIsmsDbContext db)
{

    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string OwnerId { get; init; }

        public required string OwnerName { get; init; }

        public required RiskStatus Status { get; init; }

        public required TreatmentOption? Treatment { get; init; }

        public required int? InherentLevel { get; init; }

        public required int? InherentScore { get; init; }

        public required int? ResidualLevel { get; init; }

        public required int? ResidualScore { get; init; }

        public required int? MethodologyNumber { get; init; }

        public required DateOnly? NextReview { get; init; }

        public required int Version { get; init; }
    }

    public async Task<Page<Row>> Handle(RiskFilter query, CancellationToken ct = default)
    {
        var q = Filter(query, await db.Clock.Today(ct));
        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var rows = await Sort(q, query.Sort, query.Descending)
            .Skip((page - 1) * size).Take(size)
            .Select(r => new Row
            {
                Id = r.Id,
                Reference = r.Reference,
                Title = r.Title,
                OwnerId = r.OwnerId,
                OwnerName = db.Set<AppUser>().Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                Status = r.Status,
                Treatment = r.Treatment,
                InherentLevel = r.InherentLevel,
                InherentScore = r.InherentScore,
                ResidualLevel = r.ResidualLevel,
                ResidualScore = r.ResidualScore,
                MethodologyNumber = r.MethodologyNumber,
                NextReview = r.NextReview,
                Version = r.Version,
            })
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }

    /// <summary>The same filters, for exports and the heat map; a text search starts from the full-text index's matches.</summary>
    public IQueryable<Risk> Filter(RiskFilter query, DateOnly today)
    {
        var matching = string.IsNullOrWhiteSpace(query.Search) ? null : RiskTextSearch.Matching(db, query.Search);
        var q = (matching ?? db.Set<Risk>()).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.OwnerId))
        {
            q = q.Where(r => r.OwnerId == query.OwnerId);
        }

        if (query.Level is { } level)
        {
            q = query.LevelOf == RatingKind.Inherent ? q.Where(r => r.InherentLevel == level) : q.Where(r => r.ResidualLevel == level);
        }

        if (query.CellLikelihood is { } l && query.CellImpact is { } i)
        {
            q = query.LevelOf == RatingKind.Inherent
                ? q.Where(r => r.InherentLikelihood == l && r.InherentImpact == i)
                : q.Where(r => r.ResidualLikelihood == l && r.ResidualImpact == i);
        }

        if (query.Treatment is { } treatment)
        {
            q = q.Where(r => r.Treatment == treatment);
        }

        if (query.Status is { } status)
        {
            q = q.Where(r => r.Status == status);
        }
        else if (query.CellLikelihood is null)
        {
            q = q.Where(r => r.Status != RiskStatus.Closed);
        }

        if (query.AssetId is { } assetId)
        {
            q = q.Where(r => db.Set<RiskAsset>().Any(x => x.RiskId == r.Id && x.AssetId == assetId));
        }

        if (!string.IsNullOrWhiteSpace(query.AnnexA))
        {
            // The risks whose treatment plans on one Annex A control (the SoA's and a control's "treats").
            var code = query.AnnexA.Trim().ToUpperInvariant();
            q = q.Where(r => db.Set<RiskControl>().Any(x => x.RiskId == r.Id && Frameworks.FrameworkQueries.SoaControls(db).Any(req => req.Id == x.RequirementId && req.Code == code)));
        }

        if (query.ReviewOverdue)
        {
            q = q.Where(r => r.NextReview != null && r.NextReview < today && r.Status != RiskStatus.Closed);
        }

        if (!string.IsNullOrWhiteSpace(query.Search) && matching is null)
        {
            // Only punctuation ("-", "%"): no words for the index, so the old substring match on the reference.
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(r => EF.Functions.Like(r.Reference.ToLower(), term));
        }

        return q;
    }

    private IQueryable<Risk> Sort(IQueryable<Risk> q, RiskSort sort, bool descending) => (sort, descending) switch
    {
        (RiskSort.Title, false) => q.OrderBy(r => r.Title).ThenBy(r => r.Reference),
        (RiskSort.Title, true) => q.OrderByDescending(r => r.Title).ThenBy(r => r.Reference),
        (RiskSort.Owner, false) => q.OrderBy(r => db.Set<AppUser>().Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault()).ThenBy(r => r.Reference),
        (RiskSort.Owner, true) => q.OrderByDescending(r => db.Set<AppUser>().Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault()).ThenBy(r => r.Reference),
        (RiskSort.Inherent, false) => q.OrderBy(r => r.InherentLevel).ThenBy(r => r.InherentScore).ThenBy(r => r.Reference),
        (RiskSort.Inherent, true) => q.OrderByDescending(r => r.InherentLevel).ThenByDescending(r => r.InherentScore).ThenBy(r => r.Reference),
        (RiskSort.Residual, false) => q.OrderBy(r => r.ResidualLevel).ThenBy(r => r.ResidualScore).ThenBy(r => r.Reference),
        (RiskSort.Residual, true) => q.OrderByDescending(r => r.ResidualLevel).ThenByDescending(r => r.ResidualScore).ThenBy(r => r.Reference),
        (RiskSort.NextReview, false) => q.OrderBy(r => r.NextReview).ThenBy(r => r.Reference),
        (RiskSort.NextReview, true) => q.OrderByDescending(r => r.NextReview).ThenBy(r => r.Reference),
        (RiskSort.Status, false) => q.OrderBy(r => r.Status).ThenBy(r => r.Reference),
        (RiskSort.Status, true) => q.OrderByDescending(r => r.Status).ThenBy(r => r.Reference),
        (_, true) => q.OrderByDescending(r => r.Reference),
        _ => q.OrderBy(r => r.Reference),
    };
}
