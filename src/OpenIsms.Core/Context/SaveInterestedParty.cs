using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Adds or edits an interested party.</summary>
public sealed class SaveInterestedParty(OpenIsmsDbContext db)
{
    public sealed record Command(Guid? Id, string Name, PartyOrigin Origin, string? Description, int Version);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ContextPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        InterestedParty party;
        if (c.Id is { } id)
        {
            var found = await db.Set<InterestedParty>().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (found is null)
            {
                return Result<Guid>.From(Result.NotFound());
            }

            if (db.CheckVersion(found, c.Version) is { } conflict)
            {
                return Result<Guid>.From(Result.Stale(conflict));
            }

            party = found;
        }
        else
        {
            party = new InterestedParty();
            db.Add(party);
        }

        var result = party.Update(c.Name ?? "", c.Origin, c.Description);
        if (result.Succeeded)
        {
            result = await db.SaveAsync(ct);
        }

        return result.Succeeded ? party.Id : Result<Guid>.From(result);
    }
}
