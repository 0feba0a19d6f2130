using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>One catalogue entry with its parent and children, looked up by its code (e.g. "A.5.1" or "6.1.2").</summary>
public sealed class GetRequirement(OpenIsmsDbContext db)
{
    public sealed record Link(string Code, string Title);

    public sealed record Detail(Requirement Requirement, Link? Parent, IReadOnlyList<Link> Children);

    public async Task<Detail?> Handle(string code, string framework = ListRequirements.DefaultFramework, CancellationToken ct = default)
    {
        var set = db.Set<Requirement>().AsNoTracking().Where(r => r.FrameworkId == framework);
        var requirement = await set.FirstOrDefaultAsync(r => r.Code == code, ct);
        if (requirement is null)
        {
            return null;
        }

        var parent = requirement.ParentCode is null ? null
            : await set.Where(r => r.Code == requirement.ParentCode).Select(r => new Link(r.Code, r.Title)).FirstOrDefaultAsync(ct);
        var children = await set.Where(r => r.ParentCode == code).OrderBy(r => r.SortOrder)
            .Select(r => new Link(r.Code, r.Title)).ToListAsync(ct);
        return new Detail(requirement, parent, children);
    }
}
