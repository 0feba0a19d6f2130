using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>Browse and search a framework's catalogue, filtered and paged in SQL.</summary>
public sealed class ListRequirements(OpenIsmsDbContext db)
{
    public const string DefaultFramework = "iso27001-2022";

    public sealed record Query(
        string? Search = null,
        RequirementKind? Kind = null,
        string? Theme = null,
        string? Attribute = null,
        int Page = 1,
        int PageSize = 25,
        string Framework = DefaultFramework);

    public sealed record Row(Guid Id, string Code, RequirementKind Kind, string Title, string? Theme, string ControlTypes, string Properties, string Concepts, string Capabilities, string Domains);

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
    {
        var q = db.Set<Requirement>().AsNoTracking().Where(r => r.FrameworkId == query.Framework);
        if (query.Kind is { } kind)
        {
            q = q.Where(r => r.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            q = q.Where(r => r.Theme == query.Theme);
        }

        if (!string.IsNullOrWhiteSpace(query.Attribute))
        {
            var tag = "%;" + query.Attribute.Trim() + ";%";
            q = q.Where(r => EF.Functions.Like(r.ControlTypes, tag) || EF.Functions.Like(r.Properties, tag)
                || EF.Functions.Like(r.Concepts, tag) || EF.Functions.Like(r.Capabilities, tag) || EF.Functions.Like(r.Domains, tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(r => EF.Functions.Like(r.Code.ToLower(), term) || EF.Functions.Like(r.Title.ToLower(), term)
                || EF.Functions.Like(r.Guidance.ToLower(), term));
        }

        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(r => r.SortOrder).Skip((page - 1) * size).Take(size)
            .Select(r => new Row(r.Id, r.Code, r.Kind, r.Title, r.Theme, r.ControlTypes, r.Properties, r.Concepts, r.Capabilities, r.Domains))
            .ToListAsync(ct);
        return new Page<Row>(items, page, size, total);
    }

    /// <summary>The Annex A controls by code (A.5.1 …), for resolving codes that arrive as text.</summary>
    public async Task<Dictionary<string, Guid>> Controls(CancellationToken ct = default) =>
        await db.Set<Requirement>().AsNoTracking().Where(r => r.Kind == RequirementKind.Control).ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase, ct);
}
