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
        "Residual risk accepted by", "Accepted on", "Acceptance valid until",
    ];

    public async IAsyncEnumerable<object?[]> Handle(RiskFilter filters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var approved = await db.Set<RiskMethodology>().AsNoTracking().Where(m => m.Status == MethodologyStatus.Approved).Select(m => m.DefinitionJson).FirstOrDefaultAsync(ct);
        var levels = approved is null ? [] : MethodologyDefinition.FromJson(approved).Levels.Select(l => l.Name).ToArray();
        var assets = (await (from x in db.Set<RiskAsset>() join a in db.Set<Asset>() on x.AssetId equals a.Id select new { x.RiskId, a.Reference }).ToListAsync(ct))
            .ToLookup(x => x.RiskId, x => x.Reference);
        var controls = (await (from x in db.Set<RiskControl>() join r in db.Set<Requirement>() on x.RequirementId equals r.Id orderby r.SortOrder select new { x.RiskId, r.Code }).ToListAsync(ct))
            .ToLookup(x => x.RiskId, x => x.Code);
        // The acceptance in force for each accepted risk: who signed off the residual risk, when, and until when.
        var acceptances = (await (from a in db.Set<RiskAcceptance>() join r in db.Set<Risk>() on a.RiskId equals r.Id where r.Status == RiskStatus.Accepted
                                  select new { a.RiskId, a.AcceptedByName, a.AcceptedAt, a.ExpiresOn }).ToListAsync(ct))
            .GroupBy(a => a.RiskId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AcceptedAt).First());
        var people = await Imports.UserLookup.ExportNames(db, ct);
        var zone = await db.Clock.Zone(ct);
        var today = await db.Clock.Today(ct);
        var rows = list.Filter(filters, today).OrderBy(r => r.Reference)
            .Select(r => new
            {
                Risk = r,
                Threat = db.Set<Threat>().Where(t => t.Id == r.ThreatId).Select(t => t.Name).FirstOrDefault(),
                Vulnerability = db.Set<Vulnerability>().Where(v => v.Id == r.VulnerabilityId).Select(v => v.Name).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        string? Level(int? index) => index is { } i && i >= 0 && i < levels.Length ? levels[i] : null;
        await foreach (var x in rows.WithCancellation(ct))
        {
            var r = x.Risk;
            yield return
            [
                r.Reference, r.Title, r.Description, people.GetValueOrDefault(r.OwnerId), x.Threat, x.Vulnerability, string.Join(", ", assets[r.Id]), r.ExistingControls,
                r.InherentLikelihood, r.InherentImpact, r.InherentScore, Level(r.InherentLevel),
                r.ResidualLikelihood, r.ResidualImpact, r.ResidualScore, Level(r.ResidualLevel),
                r.Treatment?.ToString(), r.TreatmentRationale, string.Join(", ", controls[r.Id]), Common.Text.Words(r.Status.ToString()), r.NextReview, r.MethodologyNumber,
                acceptances.GetValueOrDefault(r.Id)?.AcceptedByName, acceptances.TryGetValue(r.Id, out var accepted) ? Common.Clock.DateOf(accepted.AcceptedAt, zone) : null,
                accepted?.ExpiresOn,
            ];
        }
    }
}
