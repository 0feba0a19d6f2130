using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;

namespace OpenIsms.Core.Competences;

/// <summary>A competence a person needs today, because of a role they hold (the highest level any of their roles asks).</summary>
public sealed class Need
{
    public Guid PersonId { get; init; }

    public Guid CompetenceId { get; init; }

    public Proficiency Level { get; init; }

    public CompetenceKind Kind { get; init; }
}

/// <summary>The SQL behind the matrix and the facts: who needs what today, and whether valid evidence meets it.</summary>
public static class CompetenceNeeds
{
    /// <summary>People on the current staff holding a role today, with each competence their roles need.</summary>
    public static IQueryable<Need> Current(OpenIsmsDbContext db, DateOnly today)
    {
        var holders = ListIsmsRoles.CurrentHolders(db, today);
        var pairs = (from a in holders
                     join p in db.Set<Person>() on a.PersonId equals p.Id
                     where p.LeavingDate == null || p.LeavingDate >= today
                     join rc in db.Set<RoleCompetence>() on a.RoleId equals rc.RoleId
                     join c in db.Set<Competence>() on rc.CompetenceId equals c.Id
                     select new { a.PersonId, rc.CompetenceId, c.Kind }).Distinct();

        // The level as a correlated subquery rather than a GROUP BY, so that callers may filter on it (SQLite refuses an
        // aggregate in WHERE).
        return pairs.Select(x => new Need
        {
            PersonId = x.PersonId,
            CompetenceId = x.CompetenceId,
            Kind = x.Kind,
            Level = db.Set<RoleCompetence>().Where(rc => rc.CompetenceId == x.CompetenceId && holders.Any(a => a.PersonId == x.PersonId && a.RoleId == rc.RoleId))
                .Max(rc => rc.Level),
        });
    }

    /// <summary>Needs met today by valid evidence (the rule of <see cref="CompetenceRules.Counts"/>, in SQL).</summary>
    public static IQueryable<Need> Met(OpenIsmsDbContext db, IQueryable<Need> needs, DateOnly today) =>
        needs.Where(n => db.Set<CompetenceEvidence>().Any(e => e.PersonId == n.PersonId && e.CompetenceId == n.CompetenceId
            && e.ObtainedOn <= today && (e.ExpiresOn == null || e.ExpiresOn >= today) && (n.Kind == CompetenceKind.Certification || e.Level >= n.Level)));

    /// <summary>Needs not met today.</summary>
    public static IQueryable<Need> Unmet(OpenIsmsDbContext db, IQueryable<Need> needs, DateOnly today) =>
        needs.Where(n => !db.Set<CompetenceEvidence>().Any(e => e.PersonId == n.PersonId && e.CompetenceId == n.CompetenceId
            && e.ObtainedOn <= today && (e.ExpiresOn == null || e.ExpiresOn >= today) && (n.Kind == CompetenceKind.Certification || e.Level >= n.Level)));

    /// <summary>Of <paramref name="needs"/>, those with a planned action.</summary>
    public static IQueryable<Need> Planned(OpenIsmsDbContext db, IQueryable<Need> needs) =>
        needs.Where(n => db.Set<CompetenceAction>().Any(a => a.PersonId == n.PersonId && a.CompetenceId == n.CompetenceId && a.Status == GapActionStatus.Planned));
}
