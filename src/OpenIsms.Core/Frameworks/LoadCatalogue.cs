using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// Upserts the shipped catalogues and mappings by stable ids at start-up: a new version of a data file updates an
/// existing database, and only real differences reach the activity log. Nothing a data file no longer lists is deleted:
/// records may link to it, and the log keeps its history.
/// </summary>
public sealed class LoadCatalogue(OpenIsmsDbContext db)
{
    public async Task<int> Handle(CatalogueFile file, CancellationToken ct = default)
    {
        var framework = await db.Set<Framework>().FirstOrDefaultAsync(f => f.Key == file.Id, ct);
        if (framework is null)
        {
            framework = new Framework(file.Id);
            db.Add(framework);
        }

        framework.Apply(file);
        var existing = await db.Set<Requirement>().Where(r => r.FrameworkId == file.Id).ToDictionaryAsync(r => r.Code, ct);
        var attributes = (await (from a in db.Set<RequirementAttribute>()
                                 join r in db.Set<Requirement>() on a.RequirementId equals r.Id
                                 where r.FrameworkId == file.Id
                                 select a).ToListAsync(ct)).ToLookup(a => a.RequirementId);
        var order = 0;
        foreach (var entry in file.Requirements)
        {
            if (!existing.TryGetValue(entry.Id, out var requirement))
            {
                requirement = new Requirement(file.Id, entry.Id);
                db.Add(requirement);
            }

            requirement.Apply(entry, order += 10);
            var wanted = (entry.Attributes ?? []).SelectMany(kv => kv.Value.Select(v => (Family: kv.Key, Value: v))).ToHashSet();
            var have = attributes[requirement.Id].ToList();
            db.RemoveRange(have.Where(a => !wanted.Contains((a.Family, a.Value))));
            db.AddRange(wanted.Where(w => !have.Any(a => a.Family == w.Family && a.Value == w.Value))
                .Select(w => new RequirementAttribute(requirement.Id, w.Family, w.Value)));
        }

        return await db.SaveChangesAsync(ct);
    }

    /// <summary>A mapping set; a line naming a requirement that neither framework has stops the start, as a broken data file should.</summary>
    public async Task<int> Handle(MappingFile file, CancellationToken ct = default)
    {
        var codes = await db.Set<Requirement>().AsNoTracking().Where(r => r.FrameworkId == file.Source || r.FrameworkId == file.Target)
            .Select(r => new { r.FrameworkId, r.Code, r.Id }).ToDictionaryAsync(r => (r.FrameworkId, r.Code), r => r.Id, ct);
        var existing = await db.Set<RequirementMapping>().Where(m => m.Origin == file.Id).ToDictionaryAsync(m => (m.SourceId, m.TargetId), ct);
        foreach (var line in file.Mappings)
        {
            if (!codes.TryGetValue((file.Source, line.Source), out var source) || !codes.TryGetValue((file.Target, line.Target), out var target))
            {
                throw new InvalidDataException($"Mappings {file.Id}: {file.Source} {line.Source} → {file.Target} {line.Target} names a requirement that is not in the catalogue.");
            }

            if (!existing.TryGetValue((source, target), out var mapping))
            {
                mapping = new RequirementMapping(source, target, file.Id);
                db.Add(mapping);
            }

            mapping.Apply(RequirementMapping.Parse(line.Relationship)!.Value, line.Rationale);
        }

        return await db.SaveChangesAsync(ct);
    }
}
