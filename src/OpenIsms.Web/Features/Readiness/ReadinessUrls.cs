using OpenIsms.Web.Features.Activity;
using OpenIsms.Web.Features.Audits;
using OpenIsms.Web.Features.Awareness;
using OpenIsms.Web.Features.Changes;
using OpenIsms.Web.Features.Communications;
using OpenIsms.Web.Features.Competences;
using OpenIsms.Web.Features.Context;
using OpenIsms.Web.Features.Controls;
using OpenIsms.Web.Features.Documents;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Features.Improvements;
using OpenIsms.Web.Features.Nonconformities;
using OpenIsms.Web.Features.Objectives;
using OpenIsms.Web.Features.Responsibilities;
using OpenIsms.Web.Features.Reviews;
using OpenIsms.Web.Features.Risks;
using OpenIsms.Web.Features.Scope;
using OpenIsms.Web.Features.Soa;

namespace OpenIsms.Web.Features.Readiness;

/// <summary>The readiness page's address, and where each rule's "fix" key leads.</summary>
public static class ReadinessUrls
{
    public const string Home = "/readiness";

    public const string Pack = "/readiness/pack";

    public static string PackProgress(Guid id) => $"/readiness/pack/{id}/progress";

    public static string PackFile(Guid id) => $"/readiness/pack/{id}/file";

    /// <summary>The page where a rule is fixed; the rules file names it by key. A unit test checks every key used has a page.</summary>
    public static string? Fix(string key) => key switch
    {
        "context-issues" => ContextUrls.Issues,
        "parties" => ContextUrls.Parties,
        "scope" => ScopeUrls.Home,
        "roles" => RoleUrls.Home,
        "documents" => DocumentUrls.Home,
        "methodology" => RiskUrls.Methodology,
        "risks" => RiskUrls.Home,
        "treatment-plan" => RiskUrls.TreatmentPlan,
        "soa" => SoaUrls.Home,
        "objectives" => ObjectiveUrls.Home,
        "metrics" => ObjectiveUrls.Metrics,
        "changes" => ChangeUrls.Home,
        "competence" => CompetenceUrls.Matrix,
        "training" => AwarenessUrls.Home,
        "communications" => CommunicationUrls.Home,
        "controls" => ControlUrls.Home,
        "audits" => AuditUrls.Home,
        "audit-programme" => AuditUrls.Programme,
        "reviews" => ReviewUrls.Home,
        "improvements" => ImprovementUrls.Home,
        "nonconformities" => NonconformityUrls.Home,
        "evidence" => EvidenceUrls.Home,
        "activity" => ActivityUrls.Home,
        _ => null,
    };
}
