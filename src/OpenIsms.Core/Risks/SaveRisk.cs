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
    /// <summary>
    /// A risk's scenario as the form, the API and the importer give it: the one declaration of these fields outside the
    /// entity. The page binds it (<c>Input.Title</c> …), the API takes it as its JSON body, <see cref="GetRisk.View.ToCommand"/>
    /// fills it for editing, and <see cref="Risk.Update"/> applies its rules.
    /// </summary>
    public sealed class Command
    {
        /// <summary>The risk to edit; none to record a new one (the API takes it from the address).</summary>
        public Guid? Id { get; set; }

        /// <summary>Blank for a new risk: the next number (R-001 …) is given when it is saved.</summary>
        public string? Reference { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? OwnerId { get; set; }

        public Guid? ThreatId { get; set; }

        public Guid? VulnerabilityId { get; set; }

        public string? ExistingControls { get; set; }

        public DateOnly? NextReview { get; set; }

        // Null when a form posts none (an empty multiple select sends nothing) or a body leaves them out.
        public List<Guid>? AssetIds { get; set; } = [];

        public List<Guid>? ControlIds { get; set; } = [];

        public int Version { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (risk, failure) = await db.LoadOrCreate(c.Id, c.Version, RiskPermissions.Edit, () => new Risk(), ct: ct);
        if (risk is null)
        {
            return Result<Guid>.From(failure!);
        }

        var reference = await db.ChooseReference(risk, c.Reference, c.Id is null, r => r.Title, "risk", ct);
        c.OwnerId ??= "";
        var errors = new List<FieldError>();
        if (reference.Clash is { } clash)
        {
            errors.Add(clash);
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

        var assetIds = (c.AssetIds ?? []).Distinct().ToList();
        if (await db.Set<Asset>().CountAsync(a => assetIds.Contains(a.Id), ct) != assetIds.Count)
        {
            errors.Add(new FieldError("AssetIds", "One of the chosen assets no longer exists."));
        }

        var controlIds = (c.ControlIds ?? []).Distinct().ToList();
        if (await db.SoaControls().CountAsync(r => controlIds.Contains(r.Id), ct) != controlIds.Count)
        {
            errors.Add(new FieldError("ControlIds", "Choose Annex A controls from the catalogue."));
        }

        var result = risk.Update(c, reference.Reference);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            db.AddNew(risk, reference);
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
