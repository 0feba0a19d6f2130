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
        if (!db.CurrentUser.Has(ContextPermissions.Edit))
        {
            return Result.Forbidden();
        }

        var party = await db.Set<InterestedParty>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (party is null)
        {
            return Result.NotFound();
        }

        if (db.CheckVersion(party, version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        db.RemoveRange(await db.Set<PartyRequirement>().Where(r => r.PartyId == id).ToListAsync(ct));
        db.Remove(party);
        return await db.SaveAsync(ct);
    }
}
