using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>Records or edits a risk's scenario: identifier, title, assets, threat, vulnerability, owner, existing and planned controls.</summary>
public sealed class SaveRisk(OpenIsmsDbContext db)
{
    public sealed record Command(
        Guid? Id, string Reference, string Title, string? Description, Guid? ThreatId, Guid? VulnerabilityId, string OwnerId,
        string? ExistingControls, DateOnly? NextReview, IReadOnlyCollection<Guid> AssetIds, IReadOnlyCollection<Guid> ControlIds, int Version);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        Risk risk;
        if (c.Id is { } id)
        {
            var found = await db.Set<Risk>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (found is null)
            {
                return Result<Guid>.From(Result.NotFound());
            }

            if (db.CheckVersion(found, c.Version) is { } conflict)
            {
                return Result<Guid>.From(Result.Stale(conflict));
            }

            risk = found;
        }
        else
        {
            risk = new Risk();
        }

        // A blank identifier gets its number when saved, inside the log's lock; until then it is only a placeholder.
        var reference = string.IsNullOrWhiteSpace(c.Reference) && c.Id is null ? Risk.Prefix + "000" : c.Reference ?? "";
        var errors = new List<FieldError>();
        // An automatic identifier is final only when saved (inside the log's lock); a typed one must be free now.
        if (!string.IsNullOrWhiteSpace(c.Reference))
        {
            var trimmed = reference.Trim();
            var clash = await db.Set<Risk>().Where(r => r.Reference == trimmed && r.Id != risk.Id).Select(r => r.Title).FirstOrDefaultAsync(ct);
            if (clash is not null)
            {
                errors.Add(new FieldError(nameof(Risk.Reference), $"{trimmed} is already used by the risk \"{clash}\"."));
            }
        }

        if (await Owners.Check(db, c.OwnerId, Security.OwnerDuties.Risk, nameof(Risk.OwnerId), "risks", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        if (c.ThreatId is { } threatId && !await db.Set<Threat>().AnyAsync(t => t.Id == threatId, ct))
        {
            errors.Add(new FieldError(nameof(Risk.ThreatId), "Choose a threat from the catalogue."));
        }

        if (c.VulnerabilityId is { } vulnerabilityId && !await db.Set<Vulnerability>().AnyAsync(v => v.Id == vulnerabilityId, ct))
        {
            errors.Add(new FieldError(nameof(Risk.VulnerabilityId), "Choose a vulnerability from the catalogue."));
        }

        var assetIds = c.AssetIds.Distinct().ToList();
        if (await db.Set<Asset>().CountAsync(a => assetIds.Contains(a.Id), ct) != assetIds.Count)
        {
            errors.Add(new FieldError("AssetIds", "One of the chosen assets no longer exists."));
        }

        var controlIds = c.ControlIds.Distinct().ToList();
        if (await db.SoaControls().CountAsync(r => controlIds.Contains(r.Id), ct) != controlIds.Count)
        {
            errors.Add(new FieldError("ControlIds", "Choose Annex A controls from the catalogue."));
        }

        var result = risk.Update(new Risk.Details(reference, c.Title ?? "", c.Description, c.ThreatId, c.VulnerabilityId, c.OwnerId ?? "", c.ExistingControls, c.NextReview));
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            if (string.IsNullOrWhiteSpace(c.Reference))
            {
                risk.NumberAutomatically();
            }

            db.Add(risk);
        }

        await SyncLinks(risk.Id, assetIds, controlIds, ct);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? risk.Id : Result<Guid>.From(saved);
    }

    private async Task SyncLinks(Guid riskId, List<Guid> assetIds, List<Guid> controlIds, CancellationToken ct)
    {
        var assets = await db.Set<RiskAsset>().Where(x => x.RiskId == riskId).ToListAsync(ct);
        db.RemoveRange(assets.Where(x => !assetIds.Contains(x.AssetId)));
        db.AddRange(assetIds.Where(a => assets.All(x => x.AssetId != a)).Select(a => new RiskAsset { RiskId = riskId, AssetId = a }));
        var controls = await db.Set<RiskControl>().Where(x => x.RiskId == riskId).ToListAsync(ct);
        db.RemoveRange(controls.Where(x => !controlIds.Contains(x.RequirementId)));
        db.AddRange(controlIds.Where(r => controls.All(x => x.RequirementId != r)).Select(r => new RiskControl { RiskId = riskId, RequirementId = r }));
    }

}
