using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Awareness;
using OpenIsms.Core.Changes;
using OpenIsms.Core.Common;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Competences;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Improvements;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Objectives;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Reviews;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Soa;

namespace OpenIsms.Core.Readiness;

/// <summary>
/// Gathers what the readiness rules look at from every register, once; this node keeps the result until anything is
/// written or the day changes (<see cref="ReadinessFactsCache"/>), since it reads across the whole ISMS.
/// </summary>
public sealed class GetReadinessFacts(
    OpenIsmsDbContext db, ReadinessFactsCache cache, GetOverview overview, GetResponsibilityFacts roles, GetCompetenceFacts competence, GetObjectiveFacts objectives,
    GetAwarenessFacts awareness, GetCommunicationFacts communication, GetNonconformityFacts nonconformities, GetReviewFacts reviews, GetAuditProgramme programme)
{
    public async Task<ReadinessFacts> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        return await cache.Facts(db, today, () => Gather(today, ct), ct);
    }

    private async Task<ReadinessFacts> Gather(DateOnly today, CancellationToken ct)
    {
        var o = await overview.Handle(ct);
        var r = await roles.Handle(ct);
        var c = (await competence.Handle(ct)).Totals;
        var ob = await objectives.Handle(ct);
        var a = await awareness.Handle(ct);
        var cm = await communication.Handle(ct);
        var nc = await nonconformities.Handle(ct);
        var rv = await reviews.Handle(ct);
        var (universe, neverAudited) = await programme.Coverage(ct);
        var yearAgo = today.AddYears(-1);
        var risks = await Risks(today, ct);
        var applicable = db.SoaControls().Where(q => db.Set<SoaEntry>().Any(e => e.RequirementId == q.Id && e.Applicable == true));
        var current = db.Set<Evidence.Evidence>().Where(e => e.Review != EvidenceReview.Rejected && (e.ValidUntil == null || e.ValidUntil >= today));
        return new ReadinessFacts
        {
            Today = today,
            InternalIssues = o.InternalIssues, ExternalIssues = o.ExternalIssues, Parties = o.Parties, Requirements = o.Requirements, UnaddressedRequirements = o.UnaddressedRequirements,
            ScopeApproved = o.ScopeStatus == Scope.ScopeStatus.Approved || await db.Set<Scope.ScopeRevision>().AnyAsync(s => s.ApprovedAt != null, ct),
            TopManagementNamed = r.TopManagementNamed, Roles = r.Roles, UnassignedRoles = r.Unassigned.Count,
            ApprovedPolicies = await db.Set<ControlledDocument>().CountAsync(d => d.Kind == DocumentKind.SecurityPolicy && d.CurrentVersionId != null, ct),
            MethodologyApproved = await db.Set<RiskMethodology>().AnyAsync(m => m.Status == MethodologyStatus.Approved || m.Status == MethodologyStatus.Superseded, ct),
            Risks = risks.Count, UnassessedRisks = risks.Unassessed, AboveThresholdUntreated = risks.AboveUntreated, RisksPastReview = risks.PastReview,
            UndecidedSoaRows = await db.SoaControls().CountAsync(q => !db.Set<SoaEntry>().Any(e => e.RequirementId == q.Id && e.Applicable != null), ct),
            SoaVersions = await db.Set<SoaVersion>().CountAsync(ct),
            Objectives = ob.Objectives, ObjectivesWithoutMetric = ob.WithoutMetric, ActiveMetrics = ob.ActiveMetrics, MetricsOverdue = ob.Overdue,
            OpenChangesWithoutOwner = await db.Set<IsmsChange>().CountAsync(x => (x.Status == ChangeStatus.Approved || x.Status == ChangeStatus.InProgress) && x.OwnerId == null, ct),
            CompetenceNeeds = c.Needs, CompetenceGapsUnplanned = c.GapsUnplanned,
            PeopleInAwareness = a?.PeopleInAudience ?? 0, PeopleOverdueAwareness = a?.PeopleOverdue ?? 0,
            InternalCommunications = cm.Internal, ExternalCommunications = cm.External, CommunicationsOverdue = cm.Overdue,
            ApprovedDocuments = await db.Set<ControlledDocument>().CountAsync(d => d.CurrentVersionId != null, ct),
            DocumentsPastReview = await db.Set<ControlledDocument>().CountAsync(d => d.CurrentVersionId != null && d.NextReview != null && d.NextReview < today, ct),
            ControlsOperating = await db.Set<Control>().CountAsync(x => x.Status == ControlStatus.Operating || x.Status == ControlStatus.Implemented, ct),
            ControlTasksOverdue = await db.Set<ControlTask>().CountAsync(t => t.Status == ControlTaskStatus.Open && t.DueOn < today, ct),
            TreatmentActionsOverdue = await db.Set<TreatmentAction>().CountAsync(t => (t.Status == ActionStatus.Planned || t.Status == ActionStatus.InProgress) && t.Due < today, ct),
            ReportedAudits = await db.Set<Audit>().CountAsync(x => (x.State == AuditState.Reported || x.State == AuditState.Closed) && x.ReportedOn >= yearAgo, ct),
            UniverseItems = universe, NeverAudited = neverAudited,
            CompleteReviews = rv.CompleteInLastYear,
            Improvements = await db.Set<Improvement>().CountAsync(ct),
            OpenMajorNonconformities = nc.OpenMajor, CorrectiveActionsOverdue = nc.ActionsOverdue, EffectivenessChecksOverdue = nc.ChecksOverdue,
            ApplicableControls = await applicable.CountAsync(ct),
            ApplicableControlsWithCurrentEvidence = await applicable.CountAsync(q => db.Set<ControlRequirement>().Any(l => l.RequirementId == q.Id
                && db.Set<EvidenceControl>().Any(ec => ec.ControlId == l.ControlId && current.Any(e => e.Id == ec.EvidenceId))), ct),
            FirstRecordOn = await db.Set<Data.Log.ActivityEntry>().OrderBy(e => e.Sequence).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(ct) is { } first ? DateOnly.FromDateTime(first) : null,
            OperatingMonths = await db.Set<Organisation>().OrderBy(x => x.CreatedAt).Select(x => (int?)x.OperatingMonths).FirstOrDefaultAsync(ct) ?? Organisation.DefaultOperatingMonths,
        };
    }

    private sealed record RiskCounts(int Count, int Unassessed, int AboveUntreated, int PastReview);

    private async Task<RiskCounts> Risks(DateOnly today, CancellationToken ct)
    {
        var thresholds = (await db.Set<RiskMethodology>().Select(m => new { m.Id, m.DefinitionJson }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => MethodologyDefinition.FromJson(m.DefinitionJson));
        var risks = await db.Set<Risk>().AsNoTracking().Select(x => new { x.MethodologyId, x.InherentLevel, x.ResidualLevel, x.Treatment, x.NextReview }).ToListAsync(ct);
        return new RiskCounts(
            risks.Count,
            risks.Count(x => x.InherentLevel is null),
            risks.Count(x => x.Treatment is null && x.MethodologyId is { } m && thresholds.TryGetValue(m, out var d) && (x.ResidualLevel ?? x.InherentLevel) is { } level && !d.IsAcceptable(level)),
            risks.Count(x => x.NextReview < today));
    }
}

/// <summary>This node's copy of the readiness facts, keyed by the activity log's head and the day (ADR 30).</summary>
public sealed class ReadinessFactsCache : Data.Log.KeptByLogHead<ReadinessFacts>
{
    internal Task<ReadinessFacts> Facts(OpenIsmsDbContext db, DateOnly today, Func<Task<ReadinessFacts>> gather, CancellationToken ct) =>
        Get(db, today, gather, ct);
}
