using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

public sealed class GetInterestedParty(OpenIsmsDbContext db)
{
    public sealed record View(InterestedParty Party, IReadOnlyList<PartyRequirement> Requirements);

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var party = await db.Set<InterestedParty>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (party is null)
        {
            return null;
        }

        var requirements = await db.Set<PartyRequirement>().AsNoTracking().Where(r => r.PartyId == id)
            .OrderBy(r => r.Source).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        return new View(party, requirements);
    }
}
