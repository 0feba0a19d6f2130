using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>The risks that name an asset, for its page and the API: the Risks area answers what points at an asset.</summary>
public sealed class ListAssetRisks(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required int? ResidualLevel { get; init; }

        public required int? ResidualScore { get; init; }

        public required RiskStatus Status { get; init; }
    }

    public async Task<IReadOnlyList<Row>> Handle(Guid assetId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AssetPermissions.Read))
        {
            return [];
        }

        return await (from x in db.Set<RiskAsset>().AsNoTracking() where x.AssetId == assetId
                      join r in db.Set<Risk>() on x.RiskId equals r.Id
                      orderby r.Reference
                      select new Row
                      {
                          Id = r.Id,
                          Reference = r.Reference,
                          Title = r.Title,
                          ResidualLevel = r.ResidualLevel,
                          ResidualScore = r.ResidualScore,
                          Status = r.Status,
                      }).ToListAsync(ct);
    }
}
