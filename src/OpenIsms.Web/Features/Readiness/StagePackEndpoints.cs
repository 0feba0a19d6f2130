using OpenIsms.Core.Readiness;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Readiness;

/// <summary>The pack page's progress fragment (polled by htmx) and the ready pack's download.</summary>
public sealed class StagePackEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // While the pack is built, its card; once it has ended, htmx loads the whole page again (its button and the packs
        // table change too, the "being built" notice goes), which then shows the card without polling.
        app.MapGet("/readiness/pack/{id:guid}/progress", async (Guid id, GetStagePacks get, HttpContext http, CancellationToken ct) =>
            {
                if (await get.One(id, ct) is not { } pack)
                {
                    return Results.NotFound();
                }

                if (!pack.Running && http.Request.Headers["HX-Request"] == "true")
                {
                    http.Response.Headers["HX-Redirect"] = ReadinessUrls.Pack;
                }

                return (IResult)StagePackProgress.Fragment(pack);
            })
            .RequireAuthorization(new HasPermissionAttribute(ReadinessPermissions.Pack));

        app.MapGet("/readiness/pack/{id:guid}/file", async (Guid id, GetStagePackFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.Handle(id, ct), http))
            .RequireAuthorization(new HasPermissionAttribute(ReadinessPermissions.Pack))
            .RequireSameSite();
    }
}
