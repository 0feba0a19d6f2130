using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>
/// After a new methodology version is approved: lists the risks still rated under an older version, and re-rates
/// them on the new scales with a mapping the user confirms. Each re-rating is a new assessment, so the history
/// keeps the old one.
/// </summary>
public sealed class RemapRisks(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required int? MethodologyNumber { get; init; }

        public required int? InherentLikelihood { get; init; }

        public required int? InherentImpact { get; init; }

        public required int? ResidualLikelihood { get; init; }

        public required int? ResidualImpact { get; init; }
    }

    public sealed record Pending(RiskMethodology From, RiskMethodology To, ScaleMapping Suggested, IReadOnlyList<Row> Risks);

    /// <summary>The old versions that still have risks rated under them, each with its risks and a suggested mapping.</summary>
    public async Task<IReadOnlyList<Pending>> List(CancellationToken ct = default)
    {
        var to = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
        if (to is null)
        {
            return [];
        }

        var rows = await db.Set<Risk>().AsNoTracking()
            .Where(r => r.MethodologyId != null && r.MethodologyId != to.Id && r.Status != RiskStatus.Closed)
            .OrderBy(r => r.Reference)
            .Select(r => new
            {
                r.MethodologyId,
                Row = new Row
                {
                    Id = r.Id,
                    Reference = r.Reference,
                    Title = r.Title,
                    MethodologyNumber = r.MethodologyNumber,
                    InherentLikelihood = r.InherentLikelihood,
                    InherentImpact = r.InherentImpact,
                    ResidualLikelihood = r.ResidualLikelihood,
                    ResidualImpact = r.ResidualImpact,
                },
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.MethodologyId!.Value).Distinct().ToList();
        var versions = await db.Set<RiskMethodology>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        return versions.OrderBy(v => v.Number)
            .Select(v => new Pending(v, to, ScaleMapping.Proportional(v.Definition, to.Definition), rows.Where(r => r.MethodologyId == v.Id).Select(r => r.Row).ToList()))
            .ToList();
    }

    public sealed record Command(int FromNumber, ScaleMapping Mapping, IReadOnlyCollection<Guid>? RiskIds = null);

    /// <summary>Re-rates the risks (all of the old version's, or those given) in one transaction; returns how many.</summary>
    public async Task<Result<int>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Edit) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<int>.From(Result.Forbidden());
        }

        var to = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
        var from = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Number == c.FromNumber, ct);
        if (to is null || from is null || from.Id == to.Id)
        {
            return Result<int>.From(Result.NotFound());
        }

        var fromDef = from.Definition;
        var toDef = to.Definition;
        var valid = c.Mapping.Validate(fromDef, toDef);
        if (!valid.Succeeded)
        {
            return Result<int>.From(valid);
        }

        var query = db.Set<Risk>().Where(r => r.MethodologyId == from.Id && r.Status != RiskStatus.Closed);
        if (c.RiskIds is { Count: > 0 } only)
        {
            query = query.Where(r => only.Contains(r.Id));
        }

        var risks = await query.ToListAsync(ct);
        var riskIds = risks.Select(r => r.Id).ToList();
        var latest = (await db.Set<RiskAssessment>().AsNoTracking()
                .Where(a => riskIds.Contains(a.RiskId) && a.MethodologyId == from.Id)
                .ToListAsync(ct))
            .GroupBy(a => a.RiskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAt).First());
        var now = db.Clock.UtcNow;
        var zone = await db.Clock.Zone(ct);
        var count = 0;
        foreach (var risk in risks)
        {
            if (!latest.TryGetValue(risk.Id, out var old))
            {
                continue;
            }

            var inherent = c.Mapping.Map(old.InherentLikelihood, old.InherentImpacts, fromDef, toDef);
            var residual = c.Mapping.Map(old.ResidualLikelihood, old.ResidualImpacts, fromDef, toDef);
            var created = RiskAssessment.Create(risk.Id, to, inherent, residual,
                $"Re-mapped from methodology version {from.Number} to version {to.Number}.", userId, db.CurrentUser.DisplayName, now);
            if (!created.Succeeded)
            {
                return Result<int>.From(Result.Fail($"{risk.Reference}: {string.Join(" ", created.Errors.Select(e => e.Message))}"));
            }

            db.Add(created.Value!);
            risk.Apply(created.Value!, toDef.ReviewIntervalMonths, zone);
            count++;
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? count : Result<int>.From(saved);
    }
}
