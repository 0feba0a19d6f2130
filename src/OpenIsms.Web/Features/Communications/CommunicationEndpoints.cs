using OpenIsms.Core.Communications;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Communications;

/// <summary>The communication plan as CSV or XLSX under the plan's filter, and the file kept with a record.</summary>
public sealed class CommunicationEndpoints : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "communication-plan", Title = "Communication plan", DocumentId = "OIM-COMMS",
        Clause = "ISO/IEC 27001:2022 clause 7.4 (communication)", Sheet = "Communication plan",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(CommunicationPermissions.Read);
        app.MapGet("/communications/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportCommunications export, ExportDocuments documents, CancellationToken ct) =>
                documents.Register(http.Response, format, Sheet, ExportCommunications.Columns, export.Handle(CommunicationFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
            .RequireAuthorization(read);

        app.MapGet("/communications/records/{id:guid}/file", async (Guid id, GetCommunicationFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.Handle(id, ct), http))
            .RequireAuthorization(read)
            .RequireSameSite();
    }
}
