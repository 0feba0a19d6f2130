using OpenIsms.Core.Common;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Evidence;

/// <summary>Evidence files for people allowed to read evidence: streamed from the store, each download in the activity log.</summary>
public static class EvidenceDownloads
{
    public static IEndpointRouteBuilder MapEvidenceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/evidence/{id:guid}/download", async (Guid id, EvidenceFiles files, CancellationToken ct) =>
            Serve(await files.Handle(id, "page", ct)))
            .RequireAuthorization(new HasPermissionAttribute(Permissions.EvidenceRead));
        return app;
    }

    public static IResult Serve(Result<EvidenceFiles.Opened> opened)
    {
        if (opened.Succeeded)
        {
            var file = opened.Value!;
            return Results.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
        }

        return opened.Kind == ResultKind.NotFound
            ? Results.NotFound()
            : Results.Content(ErrorEndpoints.Render(409, "This file cannot be served", opened.Errors[0].Message), "text/html; charset=utf-8", statusCode: StatusCodes.Status409Conflict);
    }
}
