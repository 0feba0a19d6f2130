using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Responsibilities;

/// <summary>The ISMS roles with who holds each today (names in one query, not one per role).</summary>
public sealed class ListIsmsRoles(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required bool TopManagement { get; init; }

        public required string? GrantedBy { get; init; }

        public required DateOnly? GrantedOn { get; init; }

        public required IReadOnlyList<string> Holders { get; init; }
    }

    public async Task<IReadOnlyList<Row>> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var roles = await db.Set<IsmsRole>().AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.TopManagement, r.GrantedBy, r.GrantedOn }).ToListAsync(ct);
        var holders = await CurrentHolders(db, today).Join(db.Set<Person>(), a => a.PersonId, p => p.Id, (a, p) => new { a.RoleId, p.Name })
            .OrderBy(h => h.Name).ToListAsync(ct);
        var byRole = holders.ToLookup(h => h.RoleId, h => h.Name);
        return roles.Select(r => new Row
        {
            Id = r.Id, Name = r.Name, TopManagement = r.TopManagement, GrantedBy = r.GrantedBy, GrantedOn = r.GrantedOn,
            Holders = byRole[r.Id].ToList(),
        }).ToList();
    }

    /// <summary>Every role as a choice, for pickers.</summary>
    public async Task<IReadOnlyList<Choice>> Choices(CancellationToken ct = default) =>
        (await db.Set<IsmsRole>().AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
        .Select(r => new Choice(r.Id.ToString(), r.Name)).ToList();

    /// <summary>The assignments in force on <paramref name="today"/> (held from that day or before, not yet handed over).</summary>
    public static IQueryable<RoleAssignment> CurrentHolders(OpenIsmsDbContext db, DateOnly today) =>
        db.Set<RoleAssignment>().AsNoTracking().Where(a => a.From <= today && (a.Until == null || a.Until >= today));
}
