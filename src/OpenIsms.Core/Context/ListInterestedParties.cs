using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

/// <summary>The interested-party register with requirement counts, in one query.</summary>
public sealed class ListInterestedParties(OpenIsmsDbContext db)
{
    public sealed record Query(string? Search = null, PartyOrigin? Origin = null, RequirementSource? Source = null, bool UnaddressedOnly = false, int Page = 1, int PageSize = 25);

    public sealed record Row(Guid Id, string Name, PartyOrigin Origin, string? Description, int Requirements, int Addressed, int Version);

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
    {
        var parties = db.Set<InterestedParty>().AsNoTracking();
        var requirements = db.Set<PartyRequirement>().AsNoTracking();
        if (query.Origin is { } origin)
        {
            parties = parties.Where(p => p.Origin == origin);
        }

        if (query.Source is { } source)
        {
            parties = parties.Where(p => requirements.Any(r => r.PartyId == p.Id && r.Source == source));
        }

        if (query.UnaddressedOnly)
        {
            parties = parties.Where(p => requirements.Any(r => r.PartyId == p.Id && !r.AddressedByIsms));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            parties = parties.Where(p => EF.Functions.Like(p.Name.ToLower(), term)
                || requirements.Any(r => r.PartyId == p.Id && EF.Functions.Like(r.Description.ToLower(), term)));
        }

        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await parties.CountAsync(ct);
        var rows = await parties.OrderBy(p => p.Name).Skip((page - 1) * size).Take(size)
            .Select(p => new Row(p.Id, p.Name, p.Origin, p.Description,
                requirements.Count(r => r.PartyId == p.Id),
                requirements.Count(r => r.PartyId == p.Id && r.AddressedByIsms), p.Version))
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}
