using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Assets;

/// <summary>An asset with its dependencies both ways, the protection need it inherits, and its risks.</summary>
public sealed class GetAsset(OpenIsmsDbContext db)
{
    public sealed record Link
    {
        public required Guid DependencyId { get; init; }

        public required Guid AssetId { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required string? Note { get; init; }

        public required int Version { get; init; }
    }

    /// <summary>The highest value of one property among the asset and everything that depends on it, and where it comes from.</summary>
    public sealed record Need(int Value, string? FromReference, string? FromName);

    public sealed record View
    {
        public required Asset Asset { get; init; }

        public required string? OwnerName { get; init; }

        public required IReadOnlyList<Link> DependsOn { get; init; }

        public required IReadOnlyList<Link> UsedBy { get; init; }

        public required Need Confidentiality { get; init; }

        public required Need Integrity { get; init; }

        public required Need Availability { get; init; }

        /// <summary>The asset as its edit form and the API's PUT take it.</summary>
        public SaveAsset.Command ToCommand() => new()
        {
            Id = Asset.Id, Reference = Asset.Reference, Name = Asset.Name, Type = Asset.Type, Category = Asset.Category, Description = Asset.Description,
            OwnerId = Asset.OwnerId, Custodian = Asset.Custodian, Location = Asset.Location, Classification = Asset.Classification,
            Confidentiality = Asset.Confidentiality, Integrity = Asset.Integrity, Availability = Asset.Availability, Criticality = Asset.Criticality,
            InScope = Asset.InScope, Version = Asset.Version,
        };
    }

    /// <summary>How far up the chain of dependants the inherited need is looked for.</summary>
    public const int MaxDepth = 20;

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var asset = await db.Set<Asset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
        {
            return null;
        }

        var owner = asset.OwnerId is null ? null : await db.Set<AppUser>().Where(u => u.Id == asset.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var dependsOn = await (from d in db.Set<AssetDependency>() where d.AssetId == id
                               join a in db.Set<Asset>() on d.DependsOnId equals a.Id
                               orderby a.Reference
                               select new Link
                               {
                                   DependencyId = d.Id,
                                   AssetId = a.Id,
                                   Reference = a.Reference,
                                   Name = a.Name,
                                   Note = d.Note,
                                   Version = d.Version,
                               }).ToListAsync(ct);
        var usedBy = await (from d in db.Set<AssetDependency>() where d.DependsOnId == id
                            join a in db.Set<Asset>() on d.AssetId equals a.Id
                            orderby a.Reference
                            select new Link
                            {
                                DependencyId = d.Id,
                                AssetId = a.Id,
                                Reference = a.Reference,
                                Name = a.Name,
                                Note = d.Note,
                                Version = d.Version,
                            }).ToListAsync(ct);
        var dependants = await Dependants(id, ct);
        Need Highest(Func<Asset, int> value)
        {
            var best = dependants.OrderByDescending(value).FirstOrDefault();
            return best is not null && value(best) > value(asset) ? new Need(value(best), best.Reference, best.Name) : new Need(value(asset), null, null);
        }

        return new View
        {
            Asset = asset,
            OwnerName = owner,
            DependsOn = dependsOn,
            UsedBy = usedBy,
            Confidentiality = Highest(a => a.Confidentiality),
            Integrity = Highest(a => a.Integrity),
            Availability = Highest(a => a.Availability),
        };
    }

    /// <summary>Every asset that depends on this one, directly or through others; a cycle or a very long chain stops the walk.</summary>
    private async Task<List<Asset>> Dependants(Guid id, CancellationToken ct)
    {
        var seen = new HashSet<Guid> { id };
        var frontier = new List<Guid> { id };
        var found = new List<Asset>();
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var current = frontier;
            var next = await db.Set<AssetDependency>().AsNoTracking().Where(d => current.Contains(d.DependsOnId)).Select(d => d.AssetId).Distinct().ToListAsync(ct);
            frontier = next.Where(seen.Add).ToList();
            if (frontier.Count > 0)
            {
                found.AddRange(await db.Set<Asset>().AsNoTracking().Where(a => frontier.Contains(a.Id)).ToListAsync(ct));
            }
        }

        return found;
    }
}
