using OpenIsms.Core.Readiness;
using OpenIsms.Web.Features.Readiness;

namespace OpenIsms.UnitTests.Readiness;

/// <summary>
/// Every readiness rule on its own: all pass on an ISMS with everything in place, and each fails — alone — when the one
/// fact it looks at is missing, saying what is missing. The rules file names only known checks and fixable pages.
/// </summary>
public class ReadinessRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly ReadinessFacts Ready = new()
    {
        Today = Today, InternalIssues = 3, ExternalIssues = 2, Parties = 4, Requirements = 6, ScopeApproved = true, TopManagementNamed = true, ApprovedPolicies = 1,
        Roles = 5, MethodologyApproved = true, Risks = 20, SoaVersions = 1, Objectives = 3, CompetenceNeeds = 10, PeopleInAwareness = 50, InternalCommunications = 2,
        ExternalCommunications = 1, ApprovedDocuments = 12, ControlsOperating = 40, ActiveMetrics = 5, ReportedAudits = 1, UniverseItems = 120, CompleteReviews = 1,
        Improvements = 2, ApplicableControls = 80, ApplicableControlsWithCurrentEvidence = 80, FirstRecordOn = Today.AddMonths(-4), OperatingMonths = 3,
    };

    /// <summary>For each check, the facts of an ISMS ready but for that one thing, and the words its result must use.</summary>
    public static TheoryData<string, ReadinessFacts, string> Failing => new()
    {
        { "ContextIssues", Ready with { ExternalIssues = 0 }, "0 external" },
        { "InterestedParties", Ready with { Parties = 0 }, "0 parties" },
        { "RequirementsAddressed", Ready with { UnaddressedRequirements = 2 }, "2 of 6 requirements not addressed" },
        { "ScopeApproved", Ready with { ScopeApproved = false }, "not approved" },
        { "TopManagementNamed", Ready with { TopManagementNamed = false }, "Nobody holds" },
        { "PolicyApproved", Ready with { ApprovedPolicies = 0 }, "No information security policy" },
        { "RolesAssigned", Ready with { UnassignedRoles = 1 }, "1 of 5 roles held by nobody" },
        { "MethodologyApproved", Ready with { MethodologyApproved = false }, "No version of the risk methodology" },
        { "RisksAssessed", Ready with { UnassessedRisks = 4 }, "4 of 20 risks not assessed" },
        { "TreatmentDecided", Ready with { AboveThresholdUntreated = 2 }, "2 risks above the threshold" },
        { "SoaDecided", Ready with { UndecidedSoaRows = 7 }, "7 controls not decided" },
        { "SoaApproved", Ready with { SoaVersions = 0 }, "No version of the SoA" },
        { "ObjectivesWithMetrics", Ready with { ObjectivesWithoutMetric = 1 }, "1 of 3 objectives without a metric" },
        { "ChangesPlanned", Ready with { OpenChangesWithoutOwner = 1 }, "1 approved change without someone responsible" },
        { "CompetenceEvidenced", Ready with { CompetenceGapsUnplanned = 3 }, "3 gaps with nothing planned" },
        { "AwarenessInDate", Ready with { PeopleOverdueAwareness = 5 }, "5 of 50 people overdue" },
        { "CommunicationPlanned", Ready with { CommunicationsOverdue = 1 }, "1 overdue" },
        { "DocumentsCurrent", Ready with { DocumentsPastReview = 2 }, "2 of 12 approved documents past their review" },
        { "ControlsOperating", Ready with { ControlTasksOverdue = 3 }, "3 runs overdue" },
        { "RisksReviewed", Ready with { RisksPastReview = 6 }, "6 of 20 risks past their review date" },
        { "TreatmentOnTrack", Ready with { TreatmentActionsOverdue = 1 }, "1 treatment action overdue" },
        { "MetricsMeasured", Ready with { MetricsOverdue = 2 }, "2 of 5 metrics" },
        { "AuditReported", Ready with { ReportedAudits = 0 }, "No internal audit has been reported" },
        { "UniverseCovered", Ready with { NeverAudited = 30 }, "30 of 120 items of the audit universe never audited" },
        { "ReviewConcluded", Ready with { CompleteReviews = 0 }, "No management review" },
        { "ImprovementsRecorded", Ready with { Improvements = 0 }, "No opportunity for improvement" },
        { "NoMajorOpen", Ready with { OpenMajorNonconformities = 1 }, "1 major nonconformity open" },
        { "CorrectiveActionsOnTime", Ready with { EffectivenessChecksOverdue = 1 }, "1 effectiveness check overdue" },
        { "EvidenceCurrent", Ready with { ApplicableControlsWithCurrentEvidence = 79 }, "79 of 80 applicable controls" },
        { "OperatingPeriod", Ready with { FirstRecordOn = Today.AddMonths(-2) }, "3 months are reached on" },
    };

    [Fact]
    public void AReadyIsms_PassesEveryRule()
    {
        var results = GetReadiness.Evaluate(Ready);
        results.Where(r => !r.Passed).Select(r => $"{r.Rule.Id}: {r.Detail}").ShouldBeEmpty();
        GetReadiness.Score(results).ShouldBe(100);
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void EachRule_FailsAlone_WhenItsFactIsMissing_SayingWhatIsMissing(string check, ReadinessFacts facts, string missing)
    {
        var results = GetReadiness.Evaluate(facts);
        var failed = results.Where(r => !r.Passed).ToList();
        failed.ShouldNotBeEmpty($"{check} should fail");
        failed.ShouldAllBe(r => r.Rule.Check == check);
        failed[0].Detail.ShouldContain(missing);
        GetReadiness.Score(results).ShouldBeLessThan(100);
    }

    [Fact]
    public void EveryCheck_IsTestedFailing_AndUsedByARule()
    {
        Failing.Select(row => (string)row[0]).ShouldBe(ReadinessChecks.All.Keys, ignoreOrder: true);
        ReadinessRules.All.Select(r => r.Check).Distinct().ShouldBe(ReadinessChecks.All.Keys, ignoreOrder: true);
    }

    [Fact]
    public void TheRulesFile_CoversTheClausesAndMandatoryRecords_AndEveryFixHasAPage()
    {
        var clauses = ReadinessRules.All.Select(r => r.Clause).ToHashSet();
        foreach (var clause in new[] { "4.3", "5.2", "6.1.2", "6.1.3", "6.2", "7.2", "7.5", "8.1", "8.2", "8.3", "9.1", "9.2", "9.3", "10.2", "A", "Operating" })
        {
            clauses.ShouldContain(clause);
        }

        ReadinessRules.All.Where(r => ReadinessUrls.Fix(r.Fix) is null).Select(r => r.Id).ShouldBeEmpty();
        ReadinessRules.All.ShouldAllBe(r => r.Weight > 0 && r.Title.Length > 0);
    }

    [Fact]
    public void CorrectiveActionsOverdue_FailTheirRule_AsOverdueChecksDo()
    {
        var failed = GetReadiness.Evaluate(Ready with { CorrectiveActionsOverdue = 2 }).Where(r => !r.Passed).ToList();
        failed.Single().Rule.Check.ShouldBe("CorrectiveActionsOnTime");
        failed.Single().Detail.ShouldContain("2 corrective actions");
    }

    [Fact]
    public void TheScore_IsWeighted()
    {
        // The policy (weight 3) missing costs more than the improvement register (weight 1).
        GetReadiness.Score(GetReadiness.Evaluate(Ready with { ApprovedPolicies = 0 }))
            .ShouldBeLessThan(GetReadiness.Score(GetReadiness.Evaluate(Ready with { Improvements = 0 })));
    }
}
