namespace OpenIsms.Core.Readiness;

/// <summary>Everything the readiness rules look at, gathered once from the live records (see <see cref="GetReadinessFacts"/>).</summary>
public sealed record ReadinessFacts
{
    public DateOnly Today { get; init; }

    public int InternalIssues { get; init; }

    public int ExternalIssues { get; init; }

    public int Parties { get; init; }

    public int Requirements { get; init; }

    public int UnaddressedRequirements { get; init; }

    public bool ScopeApproved { get; init; }

    public bool TopManagementNamed { get; init; }

    public int ApprovedPolicies { get; init; }

    public int Roles { get; init; }

    public int UnassignedRoles { get; init; }

    public bool MethodologyApproved { get; init; }

    public int Risks { get; init; }

    public int UnassessedRisks { get; init; }

    public int AboveThresholdUntreated { get; init; }

    public int UndecidedSoaRows { get; init; }

    public int SoaVersions { get; init; }

    public int Objectives { get; init; }

    public int ObjectivesWithoutMetric { get; init; }

    public int OpenChangesWithoutOwner { get; init; }

    public int CompetenceNeeds { get; init; }

    public int CompetenceGapsUnplanned { get; init; }

    public int PeopleInAwareness { get; init; }

    public int PeopleOverdueAwareness { get; init; }

    public int InternalCommunications { get; init; }

    public int ExternalCommunications { get; init; }

    public int CommunicationsOverdue { get; init; }

    public int ApprovedDocuments { get; init; }

    public int DocumentsPastReview { get; init; }

    public int ControlsOperating { get; init; }

    public int ControlTasksOverdue { get; init; }

    public int RisksPastReview { get; init; }

    public int TreatmentActionsOverdue { get; init; }

    public int ActiveMetrics { get; init; }

    public int MetricsOverdue { get; init; }

    /// <summary>Internal audits reported in the last twelve months.</summary>
    public int ReportedAudits { get; init; }

    public int UniverseItems { get; init; }

    public int NeverAudited { get; init; }

    /// <summary>Management reviews concluded in the last twelve months with every input and the three conclusions.</summary>
    public int CompleteReviews { get; init; }

    public int Improvements { get; init; }

    public int OpenMajorNonconformities { get; init; }

    public int CorrectiveActionsOverdue { get; init; }

    public int EffectivenessChecksOverdue { get; init; }

    public int ApplicableControls { get; init; }

    public int ApplicableControlsWithCurrentEvidence { get; init; }

    public DateOnly? FirstRecordOn { get; init; }

    public int OperatingMonths { get; init; } = 3;
}
