using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Assets;

/// <summary>Records that one asset relies on another; refuses duplicates and any loop back to the asset itself.</summary>
public sealed class AddAssetDependency(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid assetId, Guid dependsOnId, string? note, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AssetPermissions.Edit))
        {
            return Result.Forbidden();
        }

        if (await db.Set<Asset>().CountAsync(a => a.Id == assetId || a.Id == dependsOnId, ct) != (assetId == dependsOnId ? 1 : 2))
        {
            return Result.NotFound();
        }

        var created = AssetDependency.Create(assetId, dependsOnId, note);
        if (!created.Succeeded)
        {
            return created;
        }

        if (await db.Set<AssetDependency>().AnyAsync(d => d.AssetId == assetId && d.DependsOnId == dependsOnId, ct))
        {
            return Result.Invalid(new FieldError("DependsOnId", "This dependency is already recorded."));
        }

        // A loop: does the other asset already depend, through any chain, on this one?
        var seen = new HashSet<Guid> { dependsOnId };
        var frontier = new List<Guid> { dependsOnId };
        for (var depth = 0; depth < GetAsset.MaxDepth && frontier.Count > 0; depth++)
        {
            var current = frontier;
            var next = await db.Set<AssetDependency>().AsNoTracking().Where(d => current.Contains(d.AssetId)).Select(d => d.DependsOnId).Distinct().ToListAsync(ct);
            if (next.Contains(assetId))
            {
                return Result.Invalid(new FieldError("DependsOnId", "That asset already depends on this one, directly or through others: the dependency would make a loop."));
            }

            frontier = next.Where(seen.Add).ToList();
        }

        db.Add(created.Value!);
        return await db.SaveAsync(ct);
    }
}
