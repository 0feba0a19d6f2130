using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Adds or edits a requirement of an interested party.</summary>
public sealed class SavePartyRequirement(OpenIsmsDbContext db)
{
    public sealed record Command(Guid PartyId, Guid? Id, string Description, RequirementSource Source, bool AddressedByIsms, string? Treatment, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ContextPermissions.Edit))
        {
            return Result.Forbidden();
        }

        if (!await db.Set<InterestedParty>().AnyAsync(p => p.Id == c.PartyId, ct))
        {
            return Result.NotFound();
        }

        PartyRequirement requirement;
        if (c.Id is { } id)
        {
            var found = await db.Set<PartyRequirement>().FirstOrDefaultAsync(r => r.Id == id && r.PartyId == c.PartyId, ct);
            if (found is null)
            {
                return Result.NotFound();
            }

            if (db.CheckVersion(found, c.Version) is { } conflict)
            {
                return Result.Stale(conflict);
            }

            requirement = found;
        }
        else
        {
            requirement = new PartyRequirement(c.PartyId);
            db.Add(requirement);
        }

        var result = requirement.Update(c.Description ?? "", c.Source, c.AddressedByIsms, c.Treatment);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
