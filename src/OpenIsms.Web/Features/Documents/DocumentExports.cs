using OpenIsms.Core.Common;
using OpenIsms.Core.Documents;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Documents;

/// <summary>A version of a written document as DOCX or PDF: the document-control block, the text, the change history, the approval record and the reviews.</summary>
public sealed class DocumentExports : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/documents/{id:guid}/versions/{versionId:guid}/export.{format:regex(^(docx|pdf)$)}",
                async (Guid id, Guid versionId, string format, HttpContext http, GetDocumentVersion getVersion, GetDocument getDocument, ExportDocuments documents,
                    PdfPrinter pdf, Clock clock, CancellationToken ct) =>
                {
                    var view = await getVersion.Handle(id, versionId, ct);
                    var document = view is null ? null : await getDocument.Handle(id, ct);
                    if (view is null || document is null)
                    {
                        return Results.NotFound();
                    }

                    return await TextDocumentExport.Respond(http, pdf, format, await Compose(view, document, documents, clock, ct), ct);
                })
            .RequireAuthorization(new HasPermissionAttribute(DocumentPermissions.Read));

    /// <summary>The version as a controlled document, for the download and for the Stage 1 pack.</summary>
    public static async Task<TextDocument> Compose(GetDocumentVersion.View view, GetDocument.View document, ExportDocuments documents, Clock clock, CancellationToken ct)
    {
        var d = view.Document;
        var v = view.Version;
        var zone = await clock.Zone(ct);
        string When(DateTime? at) => at is { } t ? Core.Activity.DescribeActivity.Absolute(t, zone) : "—";
        var approvedBy = view.LastRound.Where(a => a.Decision == ApprovalDecision.Approved).ToList();
        var state = v.State switch
        {
            VersionState.Current => "in force",
            VersionState.Superseded => "superseded",
            VersionState.InApproval => "waiting for approval",
            _ => "draft, not approved",
        };
        var control = (await documents.Control($"{d.Reference} {d.Title}", d.Reference, $"{v.Label} ({state})", d.Clauses is null ? "ISO/IEC 27001:2022 clause 7.5" : $"ISO/IEC 27001:2022 clauses {d.Clauses}", null, view.OwnerName, ct)) with
        {
            Classification = d.Classification ?? DocumentControl.NotRecorded,
            Approver = v.ApprovedAt is null ? null : string.Join(", ", approvedBy.Select(a => $"{a.ApproverName} ({When(a.DecidedAt)})")),
            ApprovedOn = v.ApprovedAt is null ? null : When(v.ApprovedAt),
            ApprovalNote = v.ContentSha256 is null ? null : $"SHA-256 of the approved content: {v.ContentSha256}",
            NextReview = v.State == VersionState.Current ? d.NextReview?.ToString("d MMMM yyyy") : "—",
        };
        var history = document.Versions.Where(x => x.CreatedAt <= v.CreatedAt).OrderBy(x => x.CreatedAt)
            .Select(x => new object?[] { x.Label, DocumentPage.StateText(x.State), When(x.ApprovedAt), x.ChangeSummary, x.ContentSha256 }).ToList();
        var approvals = view.Approvals.Select(a => new object?[] { a.Round, a.ApproverName, a.Decision.ToString(), When(a.DecidedAt), a.Reason }).ToList();
        var reviews = document.Reviews.Select(r => new object?[] { When(r.ReviewedAt), r.ReviewedBy, r.VersionLabel, r.Note, r.NextReview }).ToList();
        IReadOnlyList<Appendix> appendices =
        [
            new("Change history", ["Version", "State", "Approved", "What changed", "SHA-256"], history) { Widths = [9, 13, 18, 28, 32] },
            new("Approval record", ["Round", "Approver", "Decision", "When", "Reason"], approvals) { Widths = [8, 22, 13, 20, 37] },
            new("Reviews", ["When", "By", "Version", "Note", "Next review"], reviews) { Widths = [20, 18, 10, 36, 16] },
        ];
        return new TextDocument { FileStem = $"{d.Reference}-v{v.Label}", Control = control, Subtitle = $"{DocumentKinds.Name(d.Kind)} · version {v.Label}, {state}", Markdown = v.Content, Appendices = appendices };
    }
}
