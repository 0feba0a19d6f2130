namespace OpenIsms.Core.Readiness;

/// <summary>What one check found: whether it passes, and what is there or what is missing, in words.</summary>
public sealed record CheckResult(bool Passed, string Detail);

/// <summary>
/// The named checks the rules file refers to, each a pure function of the facts so that it can be tested on its own,
/// passing and failing. A rule whose check is not here is refused when the rules are loaded.
/// </summary>
public static class ReadinessChecks
{
    public static readonly IReadOnlyDictionary<string, Func<ReadinessFacts, CheckResult>> All = new Dictionary<string, Func<ReadinessFacts, CheckResult>>
    {
        ["ContextIssues"] = f => new(f.InternalIssues > 0 && f.ExternalIssues > 0, $"{f.InternalIssues} internal and {f.ExternalIssues} external issues; both kinds are needed."),
        ["InterestedParties"] = f => new(f.Parties > 0 && f.Requirements > 0, $"{Count(f.Parties, "party", "parties")} with {Count(f.Requirements, "requirement")}."),
        ["RequirementsAddressed"] = f => new(f.Requirements > 0 && f.UnaddressedRequirements == 0, f.Requirements == 0 ? "No requirements recorded." : $"{f.UnaddressedRequirements} of {f.Requirements} requirements not addressed by the ISMS."),
        ["ScopeApproved"] = f => new(f.ScopeApproved, f.ScopeApproved ? "The scope is approved." : "The scope is not approved."),
        ["TopManagementNamed"] = f => new(f.TopManagementNamed, f.TopManagementNamed ? "Someone holds a top-management role." : "Nobody holds a role marked top management."),
        ["PolicyApproved"] = f => new(f.ApprovedPolicies > 0, f.ApprovedPolicies > 0 ? $"{Count(f.ApprovedPolicies, "information security policy", "information security policies")} in force." : "No information security policy is approved."),
        ["RolesAssigned"] = f => new(f.Roles > 0 && f.UnassignedRoles == 0, f.Roles == 0 ? "No ISMS roles defined." : $"{f.UnassignedRoles} of {f.Roles} roles held by nobody."),
        ["MethodologyApproved"] = f => new(f.MethodologyApproved, f.MethodologyApproved ? "A methodology version is approved." : "No version of the risk methodology is approved."),
        ["RisksAssessed"] = f => new(f.Risks > 0 && f.UnassessedRisks == 0, f.Risks == 0 ? "No risks identified." : $"{f.UnassessedRisks} of {f.Risks} risks not assessed."),
        ["TreatmentDecided"] = f => new(f.Risks > 0 && f.AboveThresholdUntreated == 0, f.Risks == 0 ? "No risks identified." : $"{Count(f.AboveThresholdUntreated, "risk")} above the threshold without a treatment decision."),
        ["SoaDecided"] = f => new(f.UndecidedSoaRows == 0, $"{Count(f.UndecidedSoaRows, "control")} not decided."),
        ["SoaApproved"] = f => new(f.SoaVersions > 0, f.SoaVersions > 0 ? $"{Count(f.SoaVersions, "version")} approved." : "No version of the SoA is approved."),
        ["ObjectivesWithMetrics"] = f => new(f.Objectives > 0 && f.ObjectivesWithoutMetric == 0, f.Objectives == 0 ? "No objectives set." : $"{f.ObjectivesWithoutMetric} of {f.Objectives} objectives without a metric."),
        ["ChangesPlanned"] = f => new(f.OpenChangesWithoutOwner == 0, $"{Count(f.OpenChangesWithoutOwner, "approved change")} without someone responsible."),
        ["CompetenceEvidenced"] = f => new(f.CompetenceNeeds > 0 && f.CompetenceGapsUnplanned == 0, f.CompetenceNeeds == 0 ? "No competence needs: say what each role requires." : $"{Count(f.CompetenceGapsUnplanned, "gap")} with nothing planned, of {Count(f.CompetenceNeeds, "need")}."),
        ["AwarenessInDate"] = f => new(f.PeopleInAwareness > 0 && f.PeopleOverdueAwareness == 0, f.PeopleInAwareness == 0 ? "No awareness training assigned." : $"{f.PeopleOverdueAwareness} of {f.PeopleInAwareness} people overdue."),
        ["CommunicationPlanned"] = f => new(f.InternalCommunications > 0 && f.ExternalCommunications > 0 && f.CommunicationsOverdue == 0, $"{f.InternalCommunications} internal, {f.ExternalCommunications} external, {f.CommunicationsOverdue} overdue."),
        ["DocumentsCurrent"] = f => new(f.ApprovedDocuments > 0 && f.DocumentsPastReview == 0, f.ApprovedDocuments == 0 ? "No documents approved." : $"{f.DocumentsPastReview} of {f.ApprovedDocuments} approved documents past their review."),
        ["ControlsOperating"] = f => new(f.ControlsOperating > 0 && f.ControlTasksOverdue == 0, $"{Count(f.ControlsOperating, "control")} implemented or operating; {Count(f.ControlTasksOverdue, "run")} overdue."),
        ["RisksReviewed"] = f => new(f.Risks > 0 && f.RisksPastReview == 0, f.Risks == 0 ? "No risks identified." : $"{f.RisksPastReview} of {f.Risks} risks past their review date."),
        ["TreatmentOnTrack"] = f => new(f.TreatmentActionsOverdue == 0, $"{Count(f.TreatmentActionsOverdue, "treatment action")} overdue."),
        ["MetricsMeasured"] = f => new(f.ActiveMetrics > 0 && f.MetricsOverdue == 0, f.ActiveMetrics == 0 ? "No metrics." : $"{f.MetricsOverdue} of {f.ActiveMetrics} metrics with a value overdue."),
        ["AuditReported"] = f => new(f.ReportedAudits > 0, f.ReportedAudits > 0 ? $"{Count(f.ReportedAudits, "audit")} reported in the last twelve months." : "No internal audit has been reported in the last twelve months."),
        ["UniverseCovered"] = f => new(f.UniverseItems > 0 && f.NeverAudited == 0, f.UniverseItems == 0 ? "The audit universe is empty: approve the scope and decide the SoA." : $"{f.NeverAudited} of {f.UniverseItems} items of the audit universe never audited."),
        ["ReviewConcluded"] = f => new(f.CompleteReviews > 0, f.CompleteReviews > 0 ? $"{Count(f.CompleteReviews, "review")} in the last twelve months concluded with every input and all three conclusions." : "No management review in the last twelve months has considered every input and concluded on suitability, adequacy and effectiveness."),
        ["ImprovementsRecorded"] = f => new(f.Improvements > 0, f.Improvements > 0 ? $"{Count(f.Improvements, "opportunity", "opportunities")} recorded." : "No opportunity for improvement recorded."),
        ["NoMajorOpen"] = f => new(f.OpenMajorNonconformities == 0, $"{Count(f.OpenMajorNonconformities, "major nonconformity", "major nonconformities")} open."),
        ["CorrectiveActionsOnTime"] = f => new(f.CorrectiveActionsOverdue == 0 && f.EffectivenessChecksOverdue == 0, $"{Count(f.CorrectiveActionsOverdue, "corrective action")} and {Count(f.EffectivenessChecksOverdue, "effectiveness check")} overdue."),
        ["EvidenceCurrent"] = f => new(f.ApplicableControls > 0 && f.ApplicableControlsWithCurrentEvidence == f.ApplicableControls,
            f.ApplicableControls == 0 ? "No Annex A control is marked applicable." : $"{f.ApplicableControlsWithCurrentEvidence} of {f.ApplicableControls} applicable controls have current evidence."),
        ["OperatingPeriod"] = f => OperatingPeriod(f),
    };

    private static CheckResult OperatingPeriod(ReadinessFacts f)
    {
        if (f.FirstRecordOn is not { } first)
        {
            return new(false, "No records yet.");
        }

        var enough = first.AddMonths(f.OperatingMonths) <= f.Today;
        return new(enough, enough
            ? $"Records since {first:d MMM yyyy}: at least {f.OperatingMonths} months."
            : $"Records since {first:d MMM yyyy}: {f.OperatingMonths} months are reached on {first.AddMonths(f.OperatingMonths):d MMM yyyy}.");
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
