using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Assets;

/// <summary>The classification scheme: its levels in rank order, with how many assets each classifies.</summary>
public sealed class ListClassificationLevels(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required int Rank { get; init; }

        public required string? Description { get; init; }

        public required int Assets { get; init; }

        public required int Version { get; init; }
    }

    public async Task<List<Row>> Handle(CancellationToken ct = default) =>
        await db.Set<ClassificationLevel>().AsNoTracking().OrderBy(l => l.Rank)
            .Select(l => new Row
            {
                Id = l.Id,
                Name = l.Name,
                Rank = l.Rank,
                Description = l.Description,
                Assets = db.Set<Asset>().Count(a => a.Classification == l.Name),
                Version = l.Version,
            }).ToListAsync(ct);
}
