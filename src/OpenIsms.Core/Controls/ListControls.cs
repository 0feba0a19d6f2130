using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

/// <summary>The organisation's controls, filtered and paged in SQL, with the Annex A controls each implements.</summary>
public sealed class ListControls(OpenIsmsDbContext db)
{
    public sealed record Query(string? Search = null, ControlStatus? Status = null, string? OwnerId = null, string? AnnexA = null, int Page = 1, int PageSize = 25);

    public sealed record Row(Guid Id, string Reference, string Name, string? OwnerName, ControlType Type, ControlFrequency Frequency, ControlStatus Status, IReadOnlyList<string> Implements);

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
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
        return new Page<Row>(rows.Select(r => new Row(r.Id, r.Reference, r.Name, r.Owner, r.Type, r.Frequency, r.Status, implements[r.Id].ToList())).ToList(), page, size, total);
    }
}
