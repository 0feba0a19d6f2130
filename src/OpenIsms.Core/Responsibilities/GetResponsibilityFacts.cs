using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Responsibilities;

/// <summary>What a readiness check asks of clause 5.3: roles defined, each held by someone, top management named, a RACI matrix.</summary>
public sealed class GetResponsibilityFacts(OpenIsmsDbContext db)
{
    public sealed record Facts
    {
        public required int Roles { get; init; }

        /// <summary>Roles nobody holds today.</summary>
        public required IReadOnlyList<string> Unassigned { get; init; }

        public required bool TopManagementNamed { get; init; }

        public required int RaciRows { get; init; }

        /// <summary>RACI rows where nobody is Responsible.</summary>
        public required int RaciRowsWithoutResponsible { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var current = ListIsmsRoles.CurrentHolders(db, today);
        var roles = await db.Set<IsmsRole>().AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new { r.Name, r.TopManagement, Held = current.Any(a => a.RoleId == r.Id) }).ToListAsync(ct);
        var rows = await db.Set<RaciActivity>().CountAsync(ct);
        var withResponsible = await db.Set<RaciCell>().Where(c => c.Letter == RaciLetter.Responsible || c.Letter == RaciLetter.AccountableResponsible)
            .Select(c => c.ActivityId).Distinct().CountAsync(ct);
        return new Facts
        {
            Roles = roles.Count,
            Unassigned = roles.Where(r => !r.Held).Select(r => r.Name).ToList(),
            TopManagementNamed = roles.Any(r => r.TopManagement && r.Held),
            RaciRows = rows,
            RaciRowsWithoutResponsible = rows - withResponsible,
        };
    }
}
