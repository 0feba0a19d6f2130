namespace OpenIsms.Web.Api;

/// <summary>
/// The JSON API's addresses: its root (where problem details replace error pages), the OpenAPI description, each
/// resource's collection as its endpoints are mapped, and one record as a Location header names it.
/// </summary>
public static class ApiUrls
{
    public const string Root = "/api";

    public const string V1 = Root + "/v1";

    public const string OpenApi = V1 + "/openapi.json";

    public const string Assets = V1 + "/assets";

    public const string Risks = V1 + "/risks";

    public const string Methodology = V1 + "/methodology";

    public const string Controls = V1 + "/controls";

    public const string Soa = V1 + "/soa";

    public const string Evidence = V1 + "/evidence";

    public const string Imports = V1 + "/imports";

    public const string People = V1 + "/people";

    public const string Documents = V1 + "/documents";

    public const string Campaigns = V1 + "/campaigns";

    public const string Roles = V1 + "/roles";

    public const string Raci = V1 + "/raci";

    public const string Competences = V1 + "/competences";

    public const string Objectives = V1 + "/objectives";

    public const string Metrics = V1 + "/metrics";

    public static string Objective(Guid id) => $"{Objectives}/{id}";

    public static string Metric(Guid id) => $"{Metrics}/{id}";

    public const string Communications = V1 + "/communications";

    public const string Audits = V1 + "/audits";

    public static string Audit(Guid id) => $"{Audits}/{id}";

    public const string Readiness = V1 + "/readiness";

    public const string StagePacks = Readiness + "/packs";

    public static string StagePack(Guid id) => $"{StagePacks}/{id}";

    public const string Reviews = V1 + "/reviews";

    public static string Review(Guid id) => $"{Reviews}/{id}";

    public const string Changes = V1 + "/changes";

    public static string Change(Guid id) => $"{Changes}/{id}";

    public const string Nonconformities = V1 + "/nonconformities";

    public static string Nonconformity(Guid id) => $"{Nonconformities}/{id}";

    public const string Improvements = V1 + "/improvements";

    public static string Improvement(Guid id) => $"{Improvements}/{id}";

    public static string Communication(Guid id) => $"{Communications}/{id}";

    public static string Role(Guid id) => $"{Roles}/{id}";

    public static string Competence(Guid id) => $"{Competences}/{id}";

    public static string PersonCompetence(Guid personId) => $"{Competences}/people/{personId}";

    public const string Trainings = V1 + "/trainings";

    public static string TrainingAssignments(Guid id) => $"{Trainings}/{id}/assignments";

    public static string TrainingCompletions(Guid id) => $"{Trainings}/{id}/completions";

    public static string Document(Guid id) => $"{Documents}/{id}";

    public static string DocumentVersion(Guid id, Guid versionId) => $"{Documents}/{id}/versions/{versionId}";

    public static string Campaign(Guid id) => $"{Campaigns}/{id}";

    public static string Asset(Guid id) => $"{Assets}/{id}";

    public static string Person(Guid id) => $"{People}/{id}";

    public static string Risk(Guid id) => $"{Risks}/{id}";

    public static string Control(Guid id) => $"{Controls}/{id}";

    public static string EvidenceItem(Guid id) => $"{Evidence}/{id}";
}
