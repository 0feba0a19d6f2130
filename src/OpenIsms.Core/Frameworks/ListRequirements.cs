using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>Browse and search a framework's catalogue, filtered and paged in SQL.</summary>
public sealed class ListRequirements(OpenIsmsDbContext db)
{
    public const string DefaultFramework = "iso27001-2022";

    public sealed class Query
    {
        public string Framework { get; init; } = DefaultFramework;

        public string? Search { get; init; }

        /// <summary>One level of the framework, by its <see cref="Requirement.Class"/> ("Control", "Subcategory").</summary>
        public string? Class { get; init; }

        public string? Theme { get; init; }

        /// <summary>An attribute value, of any family.</summary>
        public string? Attribute { get; init; }

        public bool IncludeWithdrawn { get; init; }

        public int Page { get; init; } = 1;

        public int PageSize { get; init; } = 25;
    }

    public sealed class Row
    {
        public Guid Id { get; init; }

        public string Framework { get; init; } = "";

        public string Code { get; init; } = "";

        public RequirementKind Kind { get; init; }

        public string Class { get; init; } = "";

        public string Title { get; init; } = "";

        public string? Theme { get; init; }

        public bool Withdrawn { get; init; }

        /// <summary>The values of the attribute families the framework shows in lists.</summary>
        public IReadOnlyList<string> Tags { get; init; } = [];
    }

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
    {
        var q = db.Catalogue(query.Framework).AsNoTracking();
        if (!query.IncludeWithdrawn)
        {
            q = q.Where(r => !r.Withdrawn);
        }

        if (!string.IsNullOrWhiteSpace(query.Class))
        {
            q = q.Where(r => r.Class == query.Class);
        }

        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            q = q.Where(r => r.Theme == query.Theme);
        }

        if (!string.IsNullOrWhiteSpace(query.Attribute))
        {
            var value = query.Attribute.Trim();
            q = q.Where(r => db.Set<RequirementAttribute>().Any(a => a.RequirementId == r.Id && a.Value == value));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(r => EF.Functions.Like(r.Code.ToLower(), term) || EF.Functions.Like(r.Title.ToLower(), term)
                || EF.Functions.Like(r.Statement.ToLower(), term) || EF.Functions.Like(r.Guidance.ToLower(), term));
        }

        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(r => r.SortOrder).Skip((page - 1) * size).Take(size)
            .Select(r => new Row { Id = r.Id, Framework = r.FrameworkId, Code = r.Code, Kind = r.Kind, Class = r.Class, Title = r.Title, Theme = r.Theme, Withdrawn = r.Withdrawn })
            .ToListAsync(ct);

        // The list's tags in one query for the page's rows, in the order the framework declares its families and values.
        var families = (await db.Set<Framework>().AsNoTracking().Where(f => f.Key == query.Framework).Select(f => f.Families).FirstOrDefaultAsync(ct)) is { } json
            ? new Framework.FamilySet(json) : null;
        if (families is not null && families.InList.Count > 0 && items.Count > 0)
        {
            var ids = items.Select(i => i.Id).ToList();
            var inList = families.InList.ToList();
            var tags = (await db.Set<RequirementAttribute>().AsNoTracking().Where(a => ids.Contains(a.RequirementId) && inList.Contains(a.Family))
                .Select(a => new { a.RequirementId, a.Family, a.Value }).ToListAsync(ct))
                .OrderBy(a => families.Position(a.Family, a.Value)).ToLookup(a => a.RequirementId, a => a.Value);
            items = items.Select(i => new Row { Id = i.Id, Framework = i.Framework, Code = i.Code, Kind = i.Kind, Class = i.Class, Title = i.Title, Theme = i.Theme, Withdrawn = i.Withdrawn, Tags = tags[i.Id].ToList() }).ToList();
        }

        return new Page<Row>(items, page, size, total);
    }
}
