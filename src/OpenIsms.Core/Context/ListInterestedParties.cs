using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

/// <summary>The interested-party register with requirement counts, in one query.</summary>
public sealed class ListInterestedParties(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required PartyOrigin Origin { get; init; }

        public required string? Description { get; init; }

        public required int Requirements { get; init; }

        public required int Addressed { get; init; }

        public required int Version { get; init; }
    }

    public async Task<Page<Row>> Handle(InterestedPartyFilter query, CancellationToken ct = default)
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
            .Select(p => new Row
            {
                Id = p.Id,
                Name = p.Name,
                Origin = p.Origin,
                Description = p.Description,
                Requirements = requirements.Count(r => r.PartyId == p.Id),
                Addressed = requirements.Count(r => r.PartyId == p.Id && r.AddressedByIsms),
                Version = p.Version,
            })
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}
