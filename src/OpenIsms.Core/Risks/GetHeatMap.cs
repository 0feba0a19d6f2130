using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// How many risks sit in each cell of the approved matrix, inherent and residual, under the same filters as the
/// register. One grouped query serves both maps.
/// </summary>
public sealed class GetHeatMap(OpenIsmsDbContext db, ListRisks list)
{
    public sealed record Cell(int Likelihood, int Impact, int Count);

    public sealed record Map
    {
        public required RiskMethodology Methodology { get; init; }

        public required RatingKind Kind { get; init; }

        public required IReadOnlyList<Cell> Cells { get; init; }

        public required int NotAssessed { get; init; }

        public required int OtherVersion { get; init; }

        public int CountAt(int likelihood, int impact) => Cells.FirstOrDefault(c => c.Likelihood == likelihood && c.Impact == impact)?.Count ?? 0;
    }

    public sealed record Maps(Map Inherent, Map Residual);

    public async Task<Maps?> Handle(RiskFilter filters, CancellationToken ct = default)
    {
        var methodology = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
        if (methodology is null)
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var q = list.Filter(filters with { Level = null, CellLikelihood = null, CellImpact = null }, today);
        var groups = await q
            .GroupBy(r => new { r.MethodologyId, r.InherentLikelihood, r.InherentImpact, r.ResidualLikelihood, r.ResidualImpact })
            .Select(g => new { g.Key.MethodologyId, IL = g.Key.InherentLikelihood, II = g.Key.InherentImpact, RL = g.Key.ResidualLikelihood, RI = g.Key.ResidualImpact, Count = g.Count() })
            .ToListAsync(ct);
        var notAssessed = groups.Where(g => g.MethodologyId == null).Sum(g => g.Count);
        var other = groups.Where(g => g.MethodologyId != null && g.MethodologyId != methodology.Id).Sum(g => g.Count);
        var current = groups.Where(g => g.MethodologyId == methodology.Id).ToList();
        var inherent = current.GroupBy(g => (g.IL!.Value, g.II!.Value)).Select(c => new Cell(c.Key.Item1, c.Key.Item2, c.Sum(x => x.Count))).ToList();
        var residual = current.GroupBy(g => (g.RL!.Value, g.RI!.Value)).Select(c => new Cell(c.Key.Item1, c.Key.Item2, c.Sum(x => x.Count))).ToList();
        return new Maps(
            new Map { Methodology = methodology, Kind = RatingKind.Inherent, Cells = inherent, NotAssessed = notAssessed, OtherVersion = other },
            new Map { Methodology = methodology, Kind = RatingKind.Residual, Cells = residual, NotAssessed = notAssessed, OtherVersion = other });
    }
}
