using OpenIsms.Core.Common;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Evidence;

/// <summary>Evidence files for people allowed to read evidence: streamed from the store, each download in the activity log.</summary>
public sealed class EvidenceDownloads : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/evidence/{id:guid}/download", async (Guid id, EvidenceFiles files, HttpContext http, CancellationToken ct) =>
            Serve(await files.Handle(id, "page", ct), http))
            .RequireAuthorization(new HasPermissionAttribute(EvidencePermissions.Read))
            .RequireSameSite();
    }

    public static IResult Serve(Result<EvidenceFiles.Opened> opened, HttpContext http)
    {
        if (opened.Succeeded)
        {
            var file = opened.Value!;

            // Always a download, never rendered: the browser neither guesses the type nor runs anything in it.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            return Results.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
        }

        return opened.Kind == ResultKind.NotFound
            ? Results.NotFound()
            : Results.Content(ErrorEndpoints.Render(409, "This file cannot be served", opened.Errors[0].Message), "text/html; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
    }
}
