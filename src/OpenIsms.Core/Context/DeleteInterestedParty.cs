using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Deletes a party with its requirements; each requirement's deletion is logged too.</summary>
public sealed class DeleteInterestedParty(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (party, failure) = await db.LoadForChange<InterestedParty>(id, version, ContextPermissions.Edit, ct: ct);
        if (party is null)
        {
            return failure!;
        }

        db.RemoveRange(await db.Set<PartyRequirement>().Where(r => r.PartyId == id).ToListAsync(ct));
        db.Remove(party);
        return await db.SaveAsync(ct);
    }
}
