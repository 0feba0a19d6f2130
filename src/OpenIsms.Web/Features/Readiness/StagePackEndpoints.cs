using OpenIsms.Core.Readiness;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Readiness;

/// <summary>The pack page's progress fragment (polled by htmx) and the ready pack's download.</summary>
public sealed class StagePackEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/readiness/pack/{id:guid}/progress", async (Guid id, GetStagePacks get, CancellationToken ct) =>
                await get.One(id, ct) is { } pack ? (IResult)StagePackProgress.Fragment(pack) : Results.NotFound())
            .RequireAuthorization(new HasPermissionAttribute(ReadinessPermissions.Pack));

        app.MapGet("/readiness/pack/{id:guid}/file", async (Guid id, GetStagePackFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.Handle(id, ct), http))
            .RequireAuthorization(new HasPermissionAttribute(ReadinessPermissions.Pack))
            .RequireSameSite();
    }
}
