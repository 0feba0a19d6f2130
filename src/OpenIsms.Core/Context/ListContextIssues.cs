using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

/// <summary>The register of internal and external issues, filtered and paged in SQL.</summary>
public sealed class ListContextIssues(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required IssueOrigin Origin { get; init; }

        public required string Title { get; init; }

        public required string? Category { get; init; }

        public required IssueEffect Effect { get; init; }

        public required bool ClimateRelated { get; init; }

        public required string? Response { get; init; }

        public required int Version { get; init; }
    }

    public async Task<Page<Row>> Handle(ContextIssueFilter query, CancellationToken ct = default)
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
            .Select(i => new Row
            {
                Id = i.Id,
                Origin = i.Origin,
                Title = i.Title,
                Category = i.Category,
                Effect = i.Effect,
                ClimateRelated = i.ClimateRelated,
                Response = i.Response,
                Version = i.Version,
            })
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}
