using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;

namespace OpenIsms.Core.Competences;

/// <summary>
/// A competence a person needs today because of one role they hold, at the level that role asks. A person holding two
/// roles that need the same competence has two; the need is met when the higher level is (<see cref="CompetenceNeeds.Pairs"/>).
/// </summary>
public sealed class Need
{
    public Guid PersonId { get; init; }

    public Guid CompetenceId { get; init; }

    public Guid RoleId { get; init; }

    public Proficiency Level { get; init; }

    public CompetenceKind Kind { get; init; }
}

/// <summary>One person's need of one competence, with where it stands today.</summary>
public sealed record NeedFlags
{
    public required Guid PersonId { get; init; }

    public required Guid CompetenceId { get; init; }

    public required bool Met { get; init; }

    /// <summary>Met, and the evidence lasts beyond the expiring window.</summary>
    public required bool Lasting { get; init; }

    public required bool Planned { get; init; }
}

/// <summary>
/// The SQL behind the matrix and the facts: who needs what today, and whether valid evidence meets it. Written per role
/// requirement (a plain join, no aggregate), so that filters stay simple WHERE EXISTS clauses on both providers.
/// </summary>
public static class CompetenceNeeds
{
    /// <summary>People on the current staff holding a role today, with each competence that role needs.</summary>
    public static IQueryable<Need> Current(OpenIsmsDbContext db, DateOnly today) =>
        from a in ListIsmsRoles.CurrentHolders(db, today)
        join p in db.Set<Person>() on a.PersonId equals p.Id
        where p.LeavingDate == null || p.LeavingDate >= today
        join rc in db.Set<RoleCompetence>() on a.RoleId equals rc.RoleId
        join c in db.Set<Competence>() on rc.CompetenceId equals c.Id
        select new Need { PersonId = a.PersonId, CompetenceId = rc.CompetenceId, RoleId = a.RoleId, Level = rc.Level, Kind = c.Kind };

    /// <summary>Needs not met today by valid evidence at their level (the rule of <see cref="CompetenceRules.Counts"/>, in SQL).</summary>
    public static IQueryable<Need> Unmet(OpenIsmsDbContext db, IQueryable<Need> needs, DateOnly today) =>
        needs.Where(n => !db.Set<CompetenceEvidence>().Any(e => e.PersonId == n.PersonId && e.CompetenceId == n.CompetenceId
            && e.ObtainedOn <= today && (e.ExpiresOn == null || e.ExpiresOn >= today) && (n.Kind == CompetenceKind.Certification || e.Level >= n.Level)));

    /// <summary>
    /// Every (person, competence) need with its state; a pair is met when each of its roles' levels is. Three flat queries
    /// (the needs, the evidence of the people concerned, the planned actions) joined here: no correlated subquery per need.
    /// </summary>
    /// <param name="everyone">The needs are everyone's (no filter): the evidence and actions are read whole, without a subquery naming the people.</param>
    public static async Task<IReadOnlyList<NeedFlags>> Pairs(OpenIsmsDbContext db, IQueryable<Need> needs, DateOnly today, bool everyone, CancellationToken ct)
    {
        var soon = today.AddDays(CompetenceRules.ExpiringWithinDays);
        var rows = await needs.Select(n => new { n.PersonId, n.CompetenceId, n.Level, n.Kind }).ToListAsync(ct);
        var people = needs.Select(n => n.PersonId);
        var valid = db.Set<CompetenceEvidence>().AsNoTracking().Where(e => e.ObtainedOn <= today && (e.ExpiresOn == null || e.ExpiresOn >= today));
        var actions = db.Set<CompetenceAction>().AsNoTracking().Where(a => a.Status == GapActionStatus.Planned);
        if (!everyone)
        {
            valid = valid.Where(e => people.Contains(e.PersonId));
            actions = actions.Where(a => people.Contains(a.PersonId));
        }

        var evidence = (await valid
            .Select(e => new { e.PersonId, e.CompetenceId, e.Level, e.ExpiresOn }).ToListAsync(ct))
            .GroupBy(e => (e.PersonId, e.CompetenceId))
            .ToDictionary(g => g.Key, g => (Valid: g.Max(e => e.Level), Lasting: g.Where(e => e.ExpiresOn is null || e.ExpiresOn > soon).Select(e => (Proficiency?)e.Level).Max()));
        var planned = (await actions.Select(a => new { a.PersonId, a.CompetenceId }).ToListAsync(ct)).Select(a => (a.PersonId, a.CompetenceId)).ToHashSet();
        return rows.GroupBy(r => (r.PersonId, r.CompetenceId)).Select(g =>
        {
            var needed = g.Max(r => r.Level);
            var certification = g.First().Kind == CompetenceKind.Certification;
            var held = evidence.TryGetValue(g.Key, out var e) ? e : default((Proficiency Valid, Proficiency? Lasting)?);
            return new NeedFlags
            {
                PersonId = g.Key.PersonId,
                CompetenceId = g.Key.CompetenceId,
                Met = held is { } h && (certification || h.Valid >= needed),
                Lasting = held is { Lasting: { } lasting } && (certification || lasting >= needed),
                Planned = planned.Contains(g.Key),
            };
        }).ToList();
    }
}
