using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Readiness;

/// <summary>The readiness page's permission; the role table says who has it (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ReadinessPermissions
{
    /// <summary>
    /// Reads certification readiness. Its facts read across every register (awareness, competence among them), so only
    /// roles that may read all of those hold it: the facts kept per node are then the same for everyone who sees them.
    /// </summary>
    public const string Read = "readiness.read";

    /// <summary>Builds and downloads the Stage 1 pack: every register, document and record in one file, so only the ISMS's owners.</summary>
    public const string Pack = "readiness.pack";
}

/// <summary>One day's readiness score, kept for the trend. Derived from the records, not a record itself: not in the activity log.</summary>
public sealed class ReadinessSnapshot
{
    public DateOnly Day { get; set; }

    /// <summary>The weighted share of rules passing, 0–100.</summary>
    public int Score { get; set; }

    public int Passing { get; set; }

    public int Rules { get; set; }
}

internal sealed class ReadinessSnapshotConfiguration : IEntityTypeConfiguration<ReadinessSnapshot>
{
    public void Configure(EntityTypeBuilder<ReadinessSnapshot> builder) => builder.HasKey(s => s.Day);
}

/// <summary>
/// Certification readiness: every rule of the rules file evaluated over the live records, with what is missing and where
/// it is fixed; the score per clause and in total (weighted); and the score's trend, one point a day.
/// </summary>
public sealed class GetReadiness(OpenIsmsDbContext db, GetReadinessFacts facts)
{
    public sealed record RuleResult
    {
        public required ReadinessRule Rule { get; init; }

        public required bool Passed { get; init; }

        public required string Detail { get; init; }
    }

    public sealed record Group(string Clause, int Score, int Passing, int Rules);

    public sealed record View
    {
        public required IReadOnlyList<RuleResult> Results { get; init; }

        public required IReadOnlyList<Group> Groups { get; init; }

        public required int Score { get; init; }

        public required IReadOnlyList<ReadinessSnapshot> Trend { get; init; }

        public required DateOnly Today { get; init; }
    }

    /// <summary>Every rule evaluated over the given facts; pure, for the page and for the tests.</summary>
    public static IReadOnlyList<RuleResult> Evaluate(ReadinessFacts f) =>
        [.. ReadinessRules.All.Select(rule => ReadinessChecks.All[rule.Check](f) is var r ? new RuleResult { Rule = rule, Passed = r.Passed, Detail = r.Detail } : null!)];

    public static int Score(IEnumerable<RuleResult> results)
    {
        var list = results.ToList();
        var total = list.Sum(r => r.Rule.Weight);
        return total == 0 ? 0 : (int)Math.Round(100.0 * list.Where(r => r.Passed).Sum(r => r.Rule.Weight) / total);
    }

    public async Task<View?> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ReadinessPermissions.Read))
        {
            return null;
        }

        var f = await facts.Handle(ct);
        var results = Evaluate(f);
        var score = Score(results);
        await Remember(f.Today, score, results, ct);
        return new View
        {
            Results = results,
            Groups = [.. results.GroupBy(r => r.Rule.Group).Select(g => new Group(g.Key, Score(g), g.Count(r => r.Passed), g.Count()))],
            Score = score,
            Trend = await db.Set<ReadinessSnapshot>().AsNoTracking().OrderByDescending(s => s.Day).Take(90).OrderBy(s => s.Day).ToListAsync(ct),
            Today = f.Today,
        };
    }

    /// <summary>Keeps today's point of the trend: written when it is new or has changed; two nodes writing it at once settle on one.</summary>
    private async Task Remember(DateOnly today, int score, IReadOnlyList<RuleResult> results, CancellationToken ct)
    {
        var passing = results.Count(r => r.Passed);
        var kept = await db.Set<ReadinessSnapshot>().FirstOrDefaultAsync(s => s.Day == today, ct);
        if (kept is { } k && k.Score == score && k.Passing == passing && k.Rules == results.Count)
        {
            return;
        }

        if (kept is null)
        {
            db.Add(new ReadinessSnapshot { Day = today, Score = score, Passing = passing, Rules = results.Count });
        }
        else
        {
            kept.Score = score;
            kept.Passing = passing;
            kept.Rules = results.Count;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node wrote today's point first; the next read corrects it if it differs
        }
    }
}
