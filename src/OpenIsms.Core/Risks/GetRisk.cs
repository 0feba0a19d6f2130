using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>A risk with everything its page shows: scenario, ratings over time, treatment plan and sign-offs.</summary>
public sealed class GetRisk(OpenIsmsDbContext db)
{
    public sealed record AssetRef(Guid Id, string Reference, string Name);

    public sealed record ControlRef(Guid Id, string Framework, string Code, string Title);

    public sealed record ActionRow
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required string? Description { get; init; }

        public required string? Resources { get; init; }

        public required string? OwnerId { get; init; }

        public required string? OwnerName { get; init; }

        public required DateOnly? Due { get; init; }

        public required ActionStatus Status { get; init; }

        public required Guid? RequirementId { get; init; }

        public required string? ControlCode { get; init; }

        public required int Version { get; init; }
    }

    public sealed record View
    {
        public required Risk Risk { get; init; }

        public required string OwnerName { get; init; }

        public required string? ThreatName { get; init; }

        public required string? VulnerabilityName { get; init; }

        public required IReadOnlyList<AssetRef> Assets { get; init; }

        public required IReadOnlyList<ControlRef> Controls { get; init; }

        public required IReadOnlyList<RiskAssessment> Assessments { get; init; }

        public required IReadOnlyList<ActionRow> Actions { get; init; }

        public required IReadOnlyList<RiskAcceptance> Acceptances { get; init; }

        public required RiskMethodology? Approved { get; init; }

        public required RiskMethodology? RatedUnder { get; init; }

        public bool SamePersonMayApprove { get; init; }

        public RiskAssessment? Latest => Assessments.Count > 0 ? Assessments[0] : null;

        public RiskAcceptance? CurrentAcceptance => Acceptances.FirstOrDefault(a => a.Status != AcceptanceStatus.Superseded);

        public bool NeedsReassessment => Risk.MethodologyId is not null && Approved is not null && Risk.MethodologyId != Approved.Id;

        /// <summary>The risk as its edit form and the API's PUT take it.</summary>
        public SaveRisk.Command ToCommand() => new()
        {
            Id = Risk.Id, Reference = Risk.Reference, Title = Risk.Title, Description = Risk.Description, OwnerId = Risk.OwnerId,
            ThreatId = Risk.ThreatId, VulnerabilityId = Risk.VulnerabilityId, ExistingControls = Risk.ExistingControls, NextReview = Risk.NextReview,
            AssetIds = Assets.Select(a => a.Id).ToList(), ControlIds = Controls.Select(c => c.Id).ToList(), Version = Risk.Version,
        };
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var risk = await db.Set<Risk>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (risk is null)
        {
            return null;
        }

        var owner = await db.Set<AppUser>().Where(u => u.Id == risk.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var threat = risk.ThreatId is { } t ? await db.Set<Threat>().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var vulnerability = risk.VulnerabilityId is { } v ? await db.Set<Vulnerability>().Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var assets = await db.Set<RiskAsset>().Where(x => x.RiskId == id)
            .Join(db.Set<Asset>(), x => x.AssetId, a => a.Id, (x, a) => a)
            .OrderBy(a => a.Reference).Select(a => new AssetRef(a.Id, a.Reference, a.Name)).ToListAsync(ct);
        var controls = await db.Set<RiskControl>().Where(x => x.RiskId == id)
            .Join(db.Set<Requirement>(), x => x.RequirementId, r => r.Id, (x, r) => new { r.Id, r.FrameworkId, r.Code, r.Title, r.SortOrder })
            .OrderBy(r => r.SortOrder).Select(r => new ControlRef(r.Id, r.FrameworkId, r.Code, r.Title)).ToListAsync(ct);
        var assessments = await db.Set<RiskAssessment>().AsNoTracking().Where(a => a.RiskId == id).OrderByDescending(a => a.AssessedAt).ToListAsync(ct);
        var actions = await db.Set<TreatmentAction>().AsNoTracking().Where(a => a.RiskId == id)
            .OrderBy(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.Cancelled).ThenBy(a => a.Due)
            .Select(a => new ActionRow
            {
                Id = a.Id,
                Title = a.Title,
                Description = a.Description,
                Resources = a.Resources,
                OwnerId = a.OwnerId,
                OwnerName = db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Due = a.Due,
                Status = a.Status,
                RequirementId = a.RequirementId,
                ControlCode = db.Set<Requirement>().Where(r => r.Id == a.RequirementId).Select(r => r.Code).FirstOrDefault(),
                Version = a.Version,
            })
            .ToListAsync(ct);
        var acceptances = await db.Set<RiskAcceptance>().AsNoTracking().Where(a => a.RiskId == id).OrderByDescending(a => a.AcceptedAt).ToListAsync(ct);
        var methodologies = await db.Set<RiskMethodology>().AsNoTracking()
            .Where(m => m.Status == MethodologyStatus.Approved || m.Id == risk.MethodologyId).ToListAsync(ct);
        return new View
        {
            Risk = risk,
            OwnerName = owner,
            ThreatName = threat,
            VulnerabilityName = vulnerability,
            Assets = assets,
            Controls = controls,
            Assessments = assessments,
            Actions = actions,
            Acceptances = acceptances,
            Approved = methodologies.FirstOrDefault(m => m.Status == MethodologyStatus.Approved),
            RatedUnder = methodologies.FirstOrDefault(m => m.Id == risk.MethodologyId),
            SamePersonMayApprove = await Organisations.GetOrganisation.SamePersonMayApprove(db, ct),
        };
    }
}
