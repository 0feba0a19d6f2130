using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Assets;

/// <summary>The classification scheme: its levels in rank order, with how many assets each classifies.</summary>
public sealed class ListClassificationLevels(OpenIsmsDbContext db)
{
    public sealed record Row(Guid Id, string Name, int Rank, string? Description, int Assets, int Version);

    public async Task<List<Row>> Handle(CancellationToken ct = default) =>
        await db.Set<ClassificationLevel>().AsNoTracking().OrderBy(l => l.Rank)
            .Select(l => new Row(l.Id, l.Name, l.Rank, l.Description, db.Set<Asset>().Count(a => a.Classification == l.Name), l.Version)).ToListAsync(ct);
}
