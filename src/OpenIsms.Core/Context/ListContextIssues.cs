using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

/// <summary>The register of internal and external issues, filtered and paged in SQL.</summary>
public sealed class ListContextIssues(OpenIsmsDbContext db)
{
    public sealed record Query(string? Search = null, IssueOrigin? Origin = null, bool ClimateOnly = false, int Page = 1, int PageSize = 25);

    public sealed record Row(Guid Id, IssueOrigin Origin, string Title, string? Category, IssueEffect Effect, bool ClimateRelated, string? Response, int Version);

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
    {
        var q = db.Set<ContextIssue>().AsNoTracking();
        if (query.Origin is { } origin)
        {
            q = q.Where(i => i.Origin == origin);
        }

        if (query.ClimateOnly)
        {
            q = q.Where(i => i.ClimateRelated);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(i => EF.Functions.Like(i.Title.ToLower(), term) || EF.Functions.Like((i.Category ?? "").ToLower(), term)
                || EF.Functions.Like((i.Description ?? "").ToLower(), term));
        }

        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.Origin).ThenBy(i => i.Title).Skip((page - 1) * size).Take(size)
            .Select(i => new Row(i.Id, i.Origin, i.Title, i.Category, i.Effect, i.ClimateRelated, i.Response, i.Version))
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}
