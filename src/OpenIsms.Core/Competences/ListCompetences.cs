using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Competences;

/// <summary>The competences, with the roles needing each and how many people hold valid evidence of it.</summary>
public sealed class ListCompetences(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required CompetenceKind Kind { get; init; }

        public required int NeededBy { get; init; }

        public required int Gaps { get; init; }

        public required int Holders { get; init; }
    }

    public async Task<IReadOnlyList<Row>> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var pairs = await CompetenceNeeds.Pairs(db, CompetenceNeeds.Current(db, today), today, everyone: true, ct);
        var needed = pairs.GroupBy(p => p.CompetenceId).ToDictionary(g => g.Key, g => g.Count());
        var gaps = pairs.Where(p => !p.Met).GroupBy(p => p.CompetenceId).ToDictionary(g => g.Key, g => g.Count());
        var holders = (await db.Set<CompetenceEvidence>().AsNoTracking().Where(e => e.ObtainedOn <= today && (e.ExpiresOn == null || e.ExpiresOn >= today))
            .GroupBy(e => e.CompetenceId).Select(g => new { g.Key, Count = g.Select(e => e.PersonId).Distinct().Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        return (await db.Set<Competence>().AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.Kind }).ToListAsync(ct))
            .Select(c => new Row
            {
                Id = c.Id, Name = c.Name, Kind = c.Kind, NeededBy = needed.GetValueOrDefault(c.Id), Gaps = gaps.GetValueOrDefault(c.Id),
                Holders = holders.GetValueOrDefault(c.Id),
            }).ToList();
    }

    public async Task<IReadOnlyList<Choice>> Choices(CancellationToken ct = default) =>
        (await db.Set<Competence>().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.Kind }).ToListAsync(ct))
        .Select(c => new Choice(c.Id.ToString(), c.Name, c.Kind.ToString())).ToList();

    /// <summary>Who may see a gap's action through: active users who may read competence records.</summary>
    public Task<List<Choice>> OwnerChoices(CancellationToken ct = default) => Owners.Choices(db, CompetencePermissions.Read, ct);

    /// <summary>The competences a role needs, with the requirement's id and version for its remove form.</summary>
    public async Task<IReadOnlyList<RoleNeed>> OfRole(Guid roleId, CancellationToken ct = default) =>
        await db.Set<RoleCompetence>().AsNoTracking().Where(r => r.RoleId == roleId)
            .Join(db.Set<Competence>(), r => r.CompetenceId, c => c.Id, (r, c) => new RoleNeed
            {
                Id = r.Id, CompetenceId = c.Id, Name = c.Name, Kind = c.Kind, Level = r.Level, Version = r.Version,
            }).OrderBy(x => x.Name).ToListAsync(ct);

    public sealed record RoleNeed
    {
        public required Guid Id { get; init; }

        public required Guid CompetenceId { get; init; }

        public required string Name { get; init; }

        public required CompetenceKind Kind { get; init; }

        public required Proficiency Level { get; init; }

        public required int Version { get; init; }
    }
}

/// <summary>One competence with the roles that need it and the people whose evidence shows it.</summary>
public sealed class GetCompetence(OpenIsmsDbContext db)
{
    public sealed record Holder(Guid PersonId, string Name, Proficiency Level, DateOnly? ExpiresOn);

    public sealed record View
    {
        public required Competence Competence { get; init; }

        public required IReadOnlyList<(Guid Id, string Name, Proficiency Level)> Roles { get; init; }

        public required IReadOnlyList<Holder> Holders { get; init; }
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var competence = await db.Set<Competence>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (competence is null)
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var roles = await db.Set<RoleCompetence>().AsNoTracking().Where(r => r.CompetenceId == id)
            .Join(db.Set<IsmsRole>(), r => r.RoleId, x => x.Id, (r, x) => new { x.Id, x.Name, r.Level }).OrderBy(x => x.Name).ToListAsync(ct);
        var holders = await db.Set<CompetenceEvidence>().AsNoTracking().Where(e => e.CompetenceId == id && e.ObtainedOn <= today && (e.ExpiresOn == null || e.ExpiresOn >= today))
            .Join(db.Set<Person>(), e => e.PersonId, p => p.Id, (e, p) => new { p.Id, p.Name, e.Level, e.ExpiresOn })
            .OrderBy(x => x.Name).Take(200).ToListAsync(ct);
        return new View
        {
            Competence = competence,
            Roles = roles.Select(r => (r.Id, r.Name, r.Level)).ToList(),
            Holders = holders.Select(h => new Holder(h.Id, h.Name, h.Level, h.ExpiresOn)).ToList(),
        };
    }
}
