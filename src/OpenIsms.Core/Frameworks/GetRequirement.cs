using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// One catalogue entry, looked up by its framework and code ("iso27001-2022", "A.5.1"), with its parent, children,
/// attributes by family, successors if withdrawn, and its mappings to other frameworks, read from either end.
/// </summary>
public sealed class GetRequirement(OpenIsmsDbContext db)
{
    public sealed record Link(string Framework, string Code, string Title);

    public sealed record AttributeGroup(string Family, IReadOnlyList<string> Values);

    /// <summary>A mapping as this entry's page reads it: this entry <see cref="Relationship"/> the other.</summary>
    public sealed record Mapped(Link Other, string OtherFramework, MappingRelationship Relationship, string Rationale);

    public sealed class Detail
    {
        public required Requirement Requirement { get; init; }

        public required Framework Framework { get; init; }

        public Link? Parent { get; init; }

        public IReadOnlyList<Link> Children { get; init; } = [];

        public IReadOnlyList<AttributeGroup> Attributes { get; init; } = [];

        public IReadOnlyList<Link> Successors { get; init; } = [];

        public IReadOnlyList<Mapped> Mappings { get; init; } = [];
    }

    public async Task<Detail?> Handle(string framework, string code, CancellationToken ct = default)
    {
        var fw = await db.Set<Framework>().AsNoTracking().FirstOrDefaultAsync(f => f.Key == framework, ct);
        var set = db.Catalogue(framework).AsNoTracking();
        var requirement = fw is null ? null : await set.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (requirement is null)
        {
            return null;
        }

        var parent = requirement.ParentCode is null ? null
            : await set.Where(r => r.Code == requirement.ParentCode).Select(r => new Link(r.FrameworkId, r.Code, r.Title)).FirstOrDefaultAsync(ct);
        var children = await set.Where(r => r.ParentCode == code).OrderBy(r => r.SortOrder)
            .Select(r => new Link(r.FrameworkId, r.Code, r.Title)).ToListAsync(ct);
        var successors = requirement.Successors.ToList();
        var next = successors.Count == 0 ? [] : await set.Where(r => successors.Contains(r.Code)).OrderBy(r => r.SortOrder)
            .Select(r => new Link(r.FrameworkId, r.Code, r.Title)).ToListAsync(ct);

        var families = new Framework.FamilySet(fw!.Families);
        var values = await db.Set<RequirementAttribute>().AsNoTracking().Where(a => a.RequirementId == requirement.Id)
            .Select(a => new { a.Family, a.Value }).ToListAsync(ct);
        var attributes = families.All.Select(f => new AttributeGroup(f.Name,
                values.Where(v => v.Family == f.Key).OrderBy(v => families.Position(v.Family, v.Value)).Select(v => v.Value).ToList()))
            .Where(g => g.Values.Count > 0).ToList();

        var id = requirement.Id;
        var outgoing = await (from m in db.Set<RequirementMapping>().AsNoTracking()
                              where m.SourceId == id
                              join r in db.Set<Requirement>() on m.TargetId equals r.Id
                              join f in db.Set<Framework>() on r.FrameworkId equals f.Key
                              select new { r.FrameworkId, r.Code, r.Title, r.SortOrder, FrameworkName = f.Name, m.Relationship, m.Rationale }).ToListAsync(ct);
        var incoming = await (from m in db.Set<RequirementMapping>().AsNoTracking()
                              where m.TargetId == id
                              join r in db.Set<Requirement>() on m.SourceId equals r.Id
                              join f in db.Set<Framework>() on r.FrameworkId equals f.Key
                              select new { r.FrameworkId, r.Code, r.Title, r.SortOrder, FrameworkName = f.Name, m.Relationship, m.Rationale }).ToListAsync(ct);
        var mappings = outgoing.Select(m => (m.FrameworkName, m.SortOrder, Mapped: new Mapped(new Link(m.FrameworkId, m.Code, m.Title), m.FrameworkName, m.Relationship, m.Rationale)))
            .Concat(incoming.Select(m => (m.FrameworkName, m.SortOrder, Mapped: new Mapped(new Link(m.FrameworkId, m.Code, m.Title), m.FrameworkName, RequirementMapping.Inverse(m.Relationship), m.Rationale))))
            .OrderBy(m => m.FrameworkName, StringComparer.Ordinal).ThenBy(m => m.SortOrder).Select(m => m.Mapped).ToList();

        return new Detail
        {
            Requirement = requirement,
            Framework = fw,
            Parent = parent,
            Children = children,
            Attributes = attributes,
            Successors = next,
            Mappings = mappings,
        };
    }
}
