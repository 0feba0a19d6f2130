using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Assets;

/// <summary>Adds or renames a level of the classification scheme; assets follow a renamed level.</summary>
public sealed class SaveClassificationLevel(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid? id, string? name, int rank, string? description, int version, CancellationToken ct = default)
    {
        ClassificationLevel level;
        string? oldName = null;
        if (id is { } existing)
        {
            var (found, failure) = await db.LoadForChange<ClassificationLevel>(existing, version, OrganisationPermissions.Manage, ct: ct);
            if (found is null)
            {
                return failure!;
            }

            (level, oldName) = (found, found.Name);
        }
        else if (!db.CurrentUser.Has(OrganisationPermissions.Manage))
        {
            return Result.Forbidden();
        }
        else
        {
            level = new ClassificationLevel();
            db.Add(level);
        }

        var trimmed = name?.Trim() ?? "";
        if (await db.Set<ClassificationLevel>().AnyAsync(l => l.Name == trimmed && l.Id != level.Id, ct))
        {
            return Result.Invalid(new FieldError("Name", $"There is already a level called {trimmed}."));
        }

        var result = level.Update(trimmed, rank, description);
        if (!result.Succeeded)
        {
            return result;
        }

        if (oldName is not null && oldName != level.Name)
        {
            // Assets keep their classification under its new name, in the same transaction.
            var assets = await db.Set<Asset>().Where(a => a.Classification == oldName).ToListAsync(ct);
            foreach (var asset in assets)
            {
                asset.Reclassify(level.Name);
            }
        }

        return await db.SaveAsync(ct);
    }
}
