using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Assets;

/// <summary>Removes a level of the classification scheme when no asset is classified with it.</summary>
public sealed class DeleteClassificationLevel(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (level, failure) = await db.LoadForChange<ClassificationLevel>(id, version, OrganisationPermissions.Manage, ct: ct);
        if (level is null)
        {
            return failure!;
        }

        var used = await db.Set<Asset>().CountAsync(a => a.Classification == level.Name, ct);
        if (used > 0)
        {
            return Result.Fail($"{used} asset(s) are classified {level.Name}. Reclassify them first, or rename the level instead.");
        }

        db.Remove(level);
        return await db.SaveAsync(ct);
    }
}
