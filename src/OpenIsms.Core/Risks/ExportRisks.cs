using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The risk register as rows for an export, streamed from the database under the register's filters. Asset and
/// control references are read once into lookups, so there is one query per table, not one per risk.
/// </summary>
public sealed class ExportRisks(OpenIsmsDbContext db, ListRisks list)
{
    public static readonly string[] Columns =
    [
        "Identifier", "Title", "Description", "Owner", "Threat", "Vulnerability", "Assets", "Existing controls",
        "Inherent likelihood", "Inherent impact", "Inherent score", "Inherent level",
        "Residual likelihood", "Residual impact", "Residual score", "Residual level",
        "Treatment", "Treatment rationale", "Planned controls", "Status", "Next review", "Methodology version",
        "Residual risk accepted by", "Accepted on", "Acceptance valid until", "Inherent impact by area", "Residual impact by area",
    ];

    public async IAsyncEnumerable<object?[]> Handle(RiskFilter filters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var levels = await ApprovedLevels.Names(db, ct);
        var assets = (await (from x in db.Set<RiskAsset>() join a in db.Set<Asset>() on x.AssetId equals a.Id select new { x.RiskId, a.Reference }).ToListAsync(ct))
            .ToLookup(x => x.RiskId, x => x.Reference);
        var controls = (await (from x in db.Set<RiskControl>() join r in db.Set<Requirement>() on x.RequirementId equals r.Id orderby r.SortOrder select new { x.RiskId, r.Code }).ToListAsync(ct))
            .ToLookup(x => x.RiskId, x => x.Code);
        var acceptances = await Acceptances.InForce(db, ct);
        var people = await Users.PersonNames.ForExport(db, ct);
        var zone = await db.Clock.Zone(ct);
        var today = await db.Clock.Today(ct);
        // The impact per area of each risk's current assessment, named by the areas of the version it was rated under.
        var areas = (await db.Set<RiskMethodology>().AsNoTracking().ToListAsync(ct)).ToDictionary(m => m.Id, m => m.Definition.RatedAreas);
        var impacts = (await (from a in db.Set<RiskAssessment>() join r in list.Filter(filters, today) on a.RiskId equals r.Id where a.AssessedAt == r.AssessedAt
                              select new { a.RiskId, a.MethodologyId, a.InherentImpactsJson, a.ResidualImpactsJson }).ToListAsync(ct))
            .GroupBy(a => a.RiskId).ToDictionary(g => g.Key, g => g.First());
        string? ByArea(Guid methodologyId, string json)
        {
            var named = areas.GetValueOrDefault(methodologyId) ?? [];
            var values = System.Text.Json.JsonSerializer.Deserialize<int[]>(json) ?? [];
            return named.Count > 1 && values.Length == named.Count ? string.Join(", ", named.Zip(values, (area, value) => $"{area} {value}")) : null;
        }

        var rows = list.Filter(filters, today).OrderBy(r => r.Reference)
            .Select(r => new
            {
                Risk = r,
                Threat = db.Set<Threat>().Where(t => t.Id == r.ThreatId).Select(t => t.Name).FirstOrDefault(),
                Vulnerability = db.Set<Vulnerability>().Where(v => v.Id == r.VulnerabilityId).Select(v => v.Name).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        string? Level(int? index) => ApprovedLevels.Of(levels, index);
        await foreach (var x in rows.WithCancellation(ct))
        {
            var r = x.Risk;
            yield return
            [
                r.Reference, r.Title, r.Description, people.GetValueOrDefault(r.OwnerId), x.Threat, x.Vulnerability, string.Join(", ", assets[r.Id]), r.ExistingControls,
                r.InherentLikelihood, r.InherentImpact, r.InherentScore, Level(r.InherentLevel),
                r.ResidualLikelihood, r.ResidualImpact, r.ResidualScore, Level(r.ResidualLevel),
                r.Treatment?.ToString(), r.TreatmentRationale, string.Join(", ", controls[r.Id]), Common.Text.Words(r.Status.ToString()), r.NextReview, r.MethodologyNumber,
                .. acceptances.TryGetValue(r.Id, out var accepted) ? new object?[] { accepted.AcceptedByName, Common.Clock.DateOf(accepted.AcceptedAt, zone), accepted.ExpiresOn } : [null, null, null],
                impacts.TryGetValue(r.Id, out var current) ? ByArea(current.MethodologyId, current.InherentImpactsJson) : null,
                current is null ? null : ByArea(current.MethodologyId, current.ResidualImpactsJson),
            ];
        }
    }
}
