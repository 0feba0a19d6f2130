using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// Upserts the shipped catalogues by stable id at start-up: a new version of a data file updates an
/// existing database, and only real differences reach the activity log.
/// </summary>
public sealed class LoadCatalogue(OpenIsmsDbContext db)
{
    public async Task<int> Handle(CatalogueFile file, CancellationToken ct = default)
    {
        var existing = await db.Set<Requirement>().Where(r => r.FrameworkId == file.Id).ToDictionaryAsync(r => r.Code, ct);
        var order = 0;
        foreach (var entry in file.Requirements)
        {
            if (!existing.TryGetValue(entry.Id, out var requirement))
            {
                requirement = new Requirement(file.Id, entry.Id);
                db.Add(requirement);
            }

            requirement.Apply(entry, order += 10);
        }

        return await db.SaveChangesAsync(ct);
    }
}
