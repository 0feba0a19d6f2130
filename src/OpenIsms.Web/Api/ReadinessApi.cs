using OpenIsms.Core.Common;
using OpenIsms.Core.Readiness;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>GET /api/v1/readiness: every readiness rule's result, the score per clause and in total, and the trend.</summary>
public sealed class ReadinessApi : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(ApiUrls.Readiness, async (GetReadiness get, CancellationToken ct) =>
                await get.Handle(ct) is { } v
                    ? Results.Ok(new
                    {
                        v.Score,
                        Clauses = v.Groups,
                        Rules = v.Results.Select(r => new { r.Rule.Id, r.Rule.Clause, r.Rule.Title, r.Rule.Weight, r.Passed, Missing = r.Passed ? null : r.Detail, r.Detail }),
                        v.Trend,
                    })
                    : ApiProblems.From(Result.Forbidden()))
            .WithTags("Readiness").RequireAuthorization(new HasPermissionAttribute(ReadinessPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName })
            .WithName("GetReadiness").WithSummary("Certification readiness: every rule with its result, what is missing, the score per clause and the trend.");
}
