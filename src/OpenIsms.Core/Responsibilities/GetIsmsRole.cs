using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Responsibilities;

/// <summary>One ISMS role: what it is, who holds and held it, and where it stands in the RACI matrix.</summary>
public sealed class GetIsmsRole(OpenIsmsDbContext db)
{
    public sealed record Holder
    {
        public required Guid AssignmentId { get; init; }

        public required Guid PersonId { get; init; }

        public required string Name { get; init; }

        public required string? Department { get; init; }

        public required DateOnly From { get; init; }

        public required DateOnly? Until { get; init; }

        public required string? Note { get; init; }

        public required bool Current { get; init; }

        public required int Version { get; init; }
    }

    public sealed record View
    {
        public required IsmsRole Role { get; init; }

        public required IReadOnlyList<Holder> Holders { get; init; }

        /// <summary>The RACI rows the role has a letter on, in the matrix's order.</summary>
        public required IReadOnlyList<(string Activity, RaciLetter Letter)> Raci { get; init; }
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var role = await db.Set<IsmsRole>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var holders = await db.Set<RoleAssignment>().AsNoTracking().Where(a => a.RoleId == id)
            .Join(db.Set<Person>(), a => a.PersonId, p => p.Id, (a, p) => new { a, p.Name, p.Department })
            .OrderBy(x => x.a.Until != null).ThenBy(x => x.Name).ThenByDescending(x => x.a.From)
            .Select(x => new { x.a.Id, x.a.PersonId, x.Name, x.Department, x.a.From, x.a.Until, x.a.Note, x.a.Version }).ToListAsync(ct);
        var raci = await db.Set<RaciCell>().AsNoTracking().Where(c => c.RoleId == id)
            .Join(db.Set<RaciActivity>(), c => c.ActivityId, a => a.Id, (c, a) => new { a.Position, a.Name, c.Letter })
            .OrderBy(x => x.Position).ThenBy(x => x.Name).ToListAsync(ct);
        return new View
        {
            Role = role,
            Holders = holders.Select(h => new Holder
            {
                AssignmentId = h.Id, PersonId = h.PersonId, Name = h.Name, Department = h.Department, From = h.From, Until = h.Until,
                Note = h.Note, Version = h.Version, Current = h.From <= today && (h.Until is null || h.Until >= today),
            }).ToList(),
            Raci = raci.Select(r => (r.Name, r.Letter)).ToList(),
        };
    }
}
