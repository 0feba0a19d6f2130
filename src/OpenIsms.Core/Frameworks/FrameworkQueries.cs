using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>The lookups every area makes of the catalogue, each naming its framework.</summary>
public static class FrameworkQueries
{
    /// <summary>
    /// The controls of the framework that holds the Statement of Applicability — what risks plan on, what the
    /// organisation's controls implement and what the SoA lists. One subquery, so callers need not look the framework up.
    /// </summary>
    public static IQueryable<Requirement> SoaControls(this OpenIsmsDbContext db) =>
        db.Set<Requirement>().Where(r => r.Kind == RequirementKind.Control && !r.Withdrawn
            && db.Set<Framework>().Any(f => f.Key == r.FrameworkId && f.HoldsSoa));

    /// <summary>One framework's entries.</summary>
    public static IQueryable<Requirement> Catalogue(this OpenIsmsDbContext db, string framework) =>
        db.Set<Requirement>().Where(r => r.FrameworkId == framework);
}
