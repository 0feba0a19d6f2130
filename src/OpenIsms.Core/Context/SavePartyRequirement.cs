using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Adds or edits a requirement of an interested party.</summary>
public sealed class SavePartyRequirement(OpenIsmsDbContext db)
{
    /// <summary>A requirement as its form gives it; the party comes from the address.</summary>
    public sealed class Command
    {
        public Guid PartyId { get; set; }

        public Guid? Id { get; set; }

        public string? Description { get; set; }

        public RequirementSource Source { get; set; }

        public bool AddressedByIsms { get; set; }

        public string? Treatment { get; set; }

        public int Version { get; set; }

        public static Command From(PartyRequirement requirement) => new()
        {
            PartyId = requirement.PartyId, Id = requirement.Id, Description = requirement.Description, Source = requirement.Source,
            AddressedByIsms = requirement.AddressedByIsms, Treatment = requirement.Treatment, Version = requirement.Version,
        };
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (db.CurrentUser.Has(ContextPermissions.Edit) && !await db.Set<InterestedParty>().AnyAsync(p => p.Id == c.PartyId, ct))
        {
            return Result.NotFound();
        }

        var (requirement, failure) = await db.LoadOrCreate(c.Id, c.Version, ContextPermissions.Edit, () => new PartyRequirement(c.PartyId), r => r.PartyId == c.PartyId, ct);
        if (requirement is null)
        {
            return failure!;
        }

        var result = requirement.Update(c.Description ?? "", c.Source, c.AddressedByIsms, c.Treatment);
        if (result.Succeeded && c.Id is null)
        {
            db.Add(requirement);
        }

        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
