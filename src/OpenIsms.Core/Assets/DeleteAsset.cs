using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Assets;

/// <summary>Deletes an asset; its dependencies and risk links go with it, each recorded in the activity log.</summary>
public sealed class DeleteAsset(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (asset, failure) = await db.LoadForChange<Asset>(id, version, AssetPermissions.Edit, ct: ct);
        if (asset is null)
        {
            return failure!;
        }

        db.RemoveRange(await db.Set<AssetDependency>().Where(d => d.AssetId == id || d.DependsOnId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<RiskAsset>().Where(x => x.AssetId == id).ToListAsync(ct));
        db.Remove(asset);
        return await db.SaveAsync(ct);
    }
}
