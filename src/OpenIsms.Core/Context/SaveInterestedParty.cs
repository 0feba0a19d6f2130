using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Adds or edits an interested party.</summary>
public sealed class SaveInterestedParty(OpenIsmsDbContext db)
{
    /// <summary>A party as its form gives it; <see cref="From"/> fills it for editing.</summary>
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public PartyOrigin Origin { get; set; }

        public string? Description { get; set; }

        public int Version { get; set; }

        public static Command From(InterestedParty party) =>
            new() { Id = party.Id, Name = party.Name, Origin = party.Origin, Description = party.Description, Version = party.Version };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (party, failure) = await db.LoadOrCreate(c.Id, c.Version, ContextPermissions.Edit, () => new InterestedParty(), ct: ct);
        if (party is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = party.Update(c.Name ?? "", c.Origin, c.Description);
        if (result.Succeeded)
        {
            if (c.Id is null)
            {
                db.Add(party);
            }

            result = await db.SaveAsync(ct);
        }

        return result.Succeeded ? party.Id : Result<Guid>.From(result);
    }
}
