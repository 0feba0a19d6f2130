using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

/// <summary>The organisation's controls, filtered and paged in SQL, with the Annex A controls each implements.</summary>
public sealed class ListControls(OpenIsmsDbContext db)
{

    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required string? OwnerName { get; init; }

        public required ControlType Type { get; init; }

        public required ControlFrequency Frequency { get; init; }

        public required ControlStatus Status { get; init; }

        public required IReadOnlyList<string> Implements { get; init; }
    }

    public async Task<Page<Row>> Handle(ControlFilter query, CancellationToken ct = default)
    {
        var q = Filter(query);
        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(c => c.Reference).Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.Reference, c.Name, Owner = db.Set<AppUser>().Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), c.Type, c.Frequency, c.Status })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var implements = (await (from x in db.Set<ControlRequirement>() where ids.Contains(x.ControlId)
                                 join r in db.Set<Requirement>() on x.RequirementId equals r.Id
                                 orderby r.SortOrder
                                 select new { x.ControlId, r.Code }).ToListAsync(ct)).ToLookup(x => x.ControlId, x => x.Code);
        return new Page<Row>(rows.Select(r => new Row
        {
            Id = r.Id,
            Reference = r.Reference,
            Name = r.Name,
            OwnerName = r.Owner,
            Type = r.Type,
            Frequency = r.Frequency,
            Status = r.Status,
            Implements = implements[r.Id].ToList(),
        }).ToList(), page, size, total);
    }

    /// <summary>The controls the filter selects, unordered and unpaged: the register's page and the export share it.</summary>
    public IQueryable<Control> Filter(ControlFilter query)
    {
        var q = db.Set<Control>().AsNoTracking();
        if (query.Status is { } status)
        {
            q = q.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.OwnerId))
        {
            q = q.Where(c => c.OwnerId == query.OwnerId);
        }

        if (!string.IsNullOrWhiteSpace(query.AnnexA))
        {
            var code = query.AnnexA.Trim();
            q = q.Where(c => db.Set<ControlRequirement>().Any(x => x.ControlId == c.Id && db.SoaControls().Any(r => r.Id == x.RequirementId && r.Code == code)));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(c => EF.Functions.Like(c.Reference.ToLower(), term) || EF.Functions.Like(c.Name.ToLower(), term) || EF.Functions.Like((c.Description ?? "").ToLower(), term));
        }

        return q;
    }
}
