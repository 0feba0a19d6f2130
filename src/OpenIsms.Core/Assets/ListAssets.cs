using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Assets;

/// <summary>The asset inventory: filtered, sorted and paged in SQL, the owner's name joined in the same query.</summary>
public sealed class ListAssets(OpenIsmsDbContext db)
{
    /// <summary>The owner filter's value for "no owner yet".</summary>
    public const string NoOwner = "none";

    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required AssetType Type { get; init; }

        public required string? OwnerName { get; init; }

        public required string? Classification { get; init; }

        public required int Confidentiality { get; init; }

        public required int Integrity { get; init; }

        public required int Availability { get; init; }

        public required Criticality Criticality { get; init; }

        public required bool InScope { get; init; }

        public required int Version { get; init; }
    }

    public async Task<Page<Row>> Handle(AssetFilter query, CancellationToken ct = default)
    {
        var q = Filter(query);
        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var rows = await Sort(q, query.Sort, query.Descending).Skip((page - 1) * size).Take(size)
            .Select(a => new Row
            {
                Id = a.Id,
                Reference = a.Reference,
                Name = a.Name,
                Type = a.Type,
                OwnerName = db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Classification = a.Classification,
                Confidentiality = a.Confidentiality,
                Integrity = a.Integrity,
                Availability = a.Availability,
                Criticality = a.Criticality,
                InScope = a.InScope,
                Version = a.Version,
            })
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }

    /// <summary>The assets the register's filters select (no sort, no page), for the register and its export.</summary>
    public IQueryable<Asset> Filter(AssetFilter query)
    {
        var q = db.Set<Asset>().AsNoTracking();
        if (query.Type is { } type)
        {
            q = q.Where(a => a.Type == type);
        }

        if (query.OwnerId == NoOwner)
        {
            q = q.Where(a => a.OwnerId == null);
        }
        else if (!string.IsNullOrWhiteSpace(query.OwnerId))
        {
            q = q.Where(a => a.OwnerId == query.OwnerId);
        }

        if (!string.IsNullOrWhiteSpace(query.Classification))
        {
            q = q.Where(a => a.Classification == query.Classification);
        }

        if (query.Criticality is { } criticality)
        {
            q = q.Where(a => a.Criticality == criticality);
        }

        if (query.InScope is { } inScope)
        {
            q = q.Where(a => a.InScope == inScope);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(a => EF.Functions.Like(a.Reference.ToLower(), term) || EF.Functions.Like(a.Name.ToLower(), term)
                || EF.Functions.Like((a.Description ?? "").ToLower(), term) || EF.Functions.Like((a.Custodian ?? "").ToLower(), term)
                || EF.Functions.Like((a.Location ?? "").ToLower(), term));
        }

        return q;
    }

    private IQueryable<Asset> Sort(IQueryable<Asset> q, AssetSort sort, bool descending)
    {
        return (sort, descending) switch
        {
            (AssetSort.Name, false) => q.OrderBy(a => a.Name).ThenBy(a => a.Reference),
            (AssetSort.Name, true) => q.OrderByDescending(a => a.Name).ThenBy(a => a.Reference),
            (AssetSort.Type, false) => q.OrderBy(a => a.Type).ThenBy(a => a.Reference),
            (AssetSort.Type, true) => q.OrderByDescending(a => a.Type).ThenBy(a => a.Reference),
            (AssetSort.Owner, false) => q.OrderBy(a => db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault()).ThenBy(a => a.Reference),
            (AssetSort.Owner, true) => q.OrderByDescending(a => db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault()).ThenBy(a => a.Reference),
            (AssetSort.Criticality, false) => q.OrderBy(a => a.Criticality).ThenBy(a => a.Reference),
            (AssetSort.Criticality, true) => q.OrderByDescending(a => a.Criticality).ThenBy(a => a.Reference),
            (AssetSort.Protection, false) => q.OrderBy(a => a.Confidentiality + a.Integrity + a.Availability).ThenBy(a => a.Reference),
            (AssetSort.Protection, true) => q.OrderByDescending(a => a.Confidentiality + a.Integrity + a.Availability).ThenBy(a => a.Reference),
            (_, true) => q.OrderByDescending(a => a.Reference),
            _ => q.OrderBy(a => a.Reference),
        };
    }
}
