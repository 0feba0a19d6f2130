using OpenIsms.Core.Competences;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Competences;

/// <summary>The file of a piece of competence evidence (a certificate's scan), served only as it was stored.</summary>
public sealed class CompetenceEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/competences/evidence/{id:guid}/file", async (Guid id, GetCompetenceEvidenceFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.Handle(id, ct), http))
            .RequireAuthorization(new HasPermissionAttribute(CompetencePermissions.Read))
            .RequireSameSite();
}
