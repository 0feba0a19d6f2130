using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>The organisation's threat and vulnerability catalogues: one of them, filtered by group and text, paged, with how many risks name each entry.</summary>
public sealed class ListThreatCatalogue(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Group { get; init; }

        public required string? Description { get; init; }

        public required string? Affects { get; init; }

        public required int Risks { get; init; }

        public required int Version { get; init; }
    }

    public async Task<Page<Row>> Handle(ThreatCatalogueFilter filter, int pageSize = 50, CancellationToken ct = default)
    {
        var (kind, search, group, page) = (filter.Kind, filter.Search, filter.Group, filter.Page);
        var term = string.IsNullOrWhiteSpace(search) ? null : "%" + search.Trim().ToLowerInvariant() + "%";
        IQueryable<Row> rows = kind == CatalogueKind.Threats
            ? db.Set<Threat>().AsNoTracking()
                .Where(t => (group == null || t.Group == group) && (term == null || EF.Functions.Like(t.Name.ToLower(), term) || EF.Functions.Like((t.Description ?? "").ToLower(), term)))
                .OrderBy(t => t.Group).ThenBy(t => t.Name)
                .Select(t => new Row
                {
                    Id = t.Id,
                    Name = t.Name,
                    Group = t.Group,
                    Description = t.Description,
                    Affects = t.Affects,
                    Risks = db.Set<Risk>().Count(r => r.ThreatId == t.Id),
                    Version = t.Version,
                })
            : db.Set<Vulnerability>().AsNoTracking()
                .Where(t => (group == null || t.Group == group) && (term == null || EF.Functions.Like(t.Name.ToLower(), term) || EF.Functions.Like((t.Description ?? "").ToLower(), term)))
                .OrderBy(t => t.Group).ThenBy(t => t.Name)
                .Select(t => new Row
                {
                    Id = t.Id,
                    Name = t.Name,
                    Group = t.Group,
                    Description = t.Description,
                    Affects = null,
                    Risks = db.Set<Risk>().Count(r => r.VulnerabilityId == t.Id),
                    Version = t.Version,
                });
        var size = pageSize is 25 or 50 or 100 ? pageSize : 50;
        var number = PageSizes.NormalisePage(page);
        var total = await rows.CountAsync(ct);
        return new Page<Row>(await rows.Skip((number - 1) * size).Take(size).ToListAsync(ct), number, size, total);
    }
}
