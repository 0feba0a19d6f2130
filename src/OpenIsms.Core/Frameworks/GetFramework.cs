using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Frameworks;

/// <summary>A framework as the catalogue presents it: what it is, its levels, groups and attribute families — the filters, built from the data — and the other frameworks to switch to.</summary>
public sealed class GetFramework(OpenIsmsDbContext db)
{
    public sealed record Summary(string Key, string Name, bool HoldsSoa, bool OffersSoa);

    /// <summary>One level of the framework ("Subcategory"), how many current entries it has, and how a URL names it ("subcategories").</summary>
    public sealed record Level(string Class, RequirementKind Kind, int Count)
    {
        public string Plural => Class.EndsWith('y') && !Class.EndsWith("ey", StringComparison.Ordinal) ? Class[..^1] + "ies" : Class + "s";

        public string UrlName => Plural.ToLowerInvariant();
    }

    public sealed class View
    {
        public required Framework Framework { get; init; }

        public required IReadOnlyList<Summary> All { get; init; }

        public required IReadOnlyList<Level> Levels { get; init; }

        public required IReadOnlyList<string> Themes { get; init; }

        public int Withdrawn { get; init; }

        /// <summary>The level a URL's <c>kind</c> names (its plural, any case), or none.</summary>
        public Level? LevelOf(string? kind) => Levels.FirstOrDefault(l => string.Equals(l.UrlName, kind?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Class, kind?.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task<View?> Handle(string? key, CancellationToken ct = default)
    {
        var all = await db.Set<Framework>().AsNoTracking().OrderByDescending(f => f.OffersSoa).ThenBy(f => f.Name).ToListAsync(ct);
        var framework = all.FirstOrDefault(f => f.Key == (key ?? ListRequirements.DefaultFramework));
        if (framework is null)
        {
            return null;
        }

        var current = db.Catalogue(framework.Key).AsNoTracking().Where(r => !r.Withdrawn);
        var levels = await current.GroupBy(r => new { r.Class, r.Kind })
            .Select(g => new { g.Key.Class, g.Key.Kind, Count = g.Count(), First = g.Min(r => r.SortOrder) }).ToListAsync(ct);
        var themes = await current.Where(r => r.Theme != null).GroupBy(r => r.Theme!)
            .Select(g => new { Theme = g.Key, First = g.Min(r => r.SortOrder) }).ToListAsync(ct);
        return new View
        {
            Framework = framework,
            All = all.Select(f => new Summary(f.Key, f.Name, f.HoldsSoa, f.OffersSoa)).ToList(),
            Levels = levels.OrderBy(l => l.Kind == RequirementKind.Clause ? 0 : 1).ThenBy(l => l.First).Select(l => new Level(l.Class, l.Kind, l.Count)).ToList(),
            Themes = themes.OrderBy(t => t.First).Select(t => t.Theme).ToList(),
            Withdrawn = await db.Catalogue(framework.Key).CountAsync(r => r.Withdrawn, ct),
        };
    }
}
