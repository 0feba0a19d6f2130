using OpenIsms.Core.Documents;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Documents;

/// <summary>The register's fragments and files: the Markdown preview, a version's file, and who acknowledged what.</summary>
public sealed class DocumentEndpoints : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "acknowledgements", Title = "Record of acknowledgements", DocumentId = "OIM-ACK",
        Clause = "ISO/IEC 27001:2022 clauses 5.2 c and 7.3 (the policy communicated and acknowledged)", Sheet = "Acknowledgements",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        // The draft editor's preview, rendered exactly as the pages and exports render it.
        app.MapPost(DocumentUrls.Preview, (IFormCollection form) =>
                Results.Content(DocumentMarkdown.ToHtml(form["Input.Content"].ToString()), "text/html; charset=utf-8"))
            .RequireAuthorization(new HasPermissionAttribute(DocumentPermissions.Edit));

        app.MapGet("/documents/{id:guid}/versions/{versionId:guid}/file", async (Guid id, Guid versionId, GetDocumentFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.Handle(id, versionId, ct), http))
            .RequireAuthorization(new HasPermissionAttribute(DocumentPermissions.Read))
            .RequireSameSite();

        // The file of the version a personal link asks about, while the link is open; nothing else.
        app.MapGet("/ack/{token}/file", async (string token, GetDocumentFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.ByToken(token, ct), http))
            .AllowAnonymous();

        app.MapGet("/documents/campaigns/{campaignId:guid}/export.{format:regex(^(csv|xlsx)$)}",
                (Guid campaignId, string format, HttpContext http, ExportAcknowledgements export, ExportDocuments documents, CancellationToken ct) =>
                    Acknowledgements(http, format, documents, export.Handle(campaignId, null), ct))
            .RequireAuthorization(new HasPermissionAttribute(DocumentPermissions.Read));

        app.MapGet("/documents/{id:guid}/acknowledgements.{format:regex(^(csv|xlsx)$)}",
                (Guid id, string format, HttpContext http, ExportAcknowledgements export, ExportDocuments documents, CancellationToken ct) =>
                    Acknowledgements(http, format, documents, export.Handle(null, id), ct))
            .RequireAuthorization(new HasPermissionAttribute(DocumentPermissions.Read));
    }

    private static Task Acknowledgements(HttpContext http, string format, ExportDocuments documents, IAsyncEnumerable<object?[]> rows, CancellationToken ct) =>
        documents.Register(http.Response, format, Sheet, ExportAcknowledgements.Header, rows, ct);
}
