using OpenIsms.Web.Features.Audits;
using OpenIsms.Web.Features.Context;
using OpenIsms.Web.Features.Improvements;
using OpenIsms.Web.Features.Nonconformities;
using OpenIsms.Web.Features.Objectives;
using OpenIsms.Web.Features.Risks;

namespace OpenIsms.Web.Features.Reviews;

/// <summary>The management review's addresses, and where a pack's records are seen.</summary>
public static class ReviewUrls
{
    public const string Home = "/reviews";

    public const string New = Home + "/new";

    public static string Review(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Review(id)}/edit";

    public static string Minutes(Guid id, string format) => $"{Review(id)}/minutes.{format}";

    /// <summary>The page of a record the pack points at, by its kind; null for a kind with no page.</summary>
    public static string? Record(string kind, Guid id) => kind switch
    {
        "Nonconformity" => NonconformityUrls.Item(id),
        "Audit" => AuditUrls.Audit(id),
        "Metric" => ObjectiveUrls.Metric(id),
        "Objective" => ObjectiveUrls.Objective(id),
        "Risk" => RiskUrls.Risk(id),
        "ContextIssue" => ContextUrls.Issue(id),
        "InterestedParty" => ContextUrls.Party(id),
        "Improvement" => ImprovementUrls.Edit(id),
        "ManagementReview" => Review(id),
        _ => null,
    };
}
