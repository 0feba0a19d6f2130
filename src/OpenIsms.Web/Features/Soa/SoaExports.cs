using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;
using OpenIsms.Web.Components.Shared;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Soa;

/// <summary>The Statement of Applicability as XLSX or DOCX: an approved version (the latest by default) or the draft, with every column.</summary>
public sealed class SoaExports : IEndpointGroup
{
    public static readonly string[] Columns =
    [
        "Control", "Title", "Theme", "Applicable", "Reasons for inclusion", "Justification for inclusion", "Risks treated", "Justification for exclusion", "Implementation status",
        "Status set by hand because", "Implemented by", "Notes",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/soa/export.{format:regex(^(xlsx|docx|pdf)$)}", async (string format, string? version, HttpContext http, GetSoa get, ExportDocuments documents, PdfPrinter pdf, CancellationToken ct) =>
        {
            if (await Compose(version, get, documents, ct) is not { } soa)
            {
                return Results.NotFound();
            }

            var name = $"{soa.FileStem}.{format}";
            if (format == "pdf")
            {
                if (!pdf.Available)
                {
                    return Results.Content(ErrorEndpoints.Render(404, "PDF is not available here", "This server has no Chromium to print with. Use the XLSX or DOCX export, or print the SoA page from your browser."), "text/html; charset=utf-8", statusCode: 404);
                }

                var printed = await pdf.Print(await soa.Html(http.RequestServices), ct);
                return printed is null
                    ? Results.Content(ErrorEndpoints.Render(500), "text/html; charset=utf-8", statusCode: 500)
                    : Results.File(printed, "application/pdf", name);
            }

            if (format == "xlsx")
            {
                await TableExport.Xlsx(http.Response, name, "Statement of Applicability", soa.Control, Columns, Rows(soa.Rows), ct);
            }
            else
            {
                await TableExport.Docx(http.Response, name, soa.Control, soa.Subtitle, Columns, Rows(soa.Rows), ct);
            }

            return Results.Empty;
        }).RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Read));
    }

    /// <summary>An SoA ready to export: its rows, control block and subtitle.</summary>
    public sealed record SoaDocument(string FileStem, DocumentControl Control, string Subtitle, IReadOnlyList<SoaRow> Rows)
    {
        public Task WriteXlsx(Stream temp, CancellationToken ct) => TableExport.WriteXlsx(temp, "Statement of Applicability", Control, Columns, SoaExports.Rows(Rows), ct);

        /// <summary>The printable page (a cell names ten risks or controls and counts the rest).</summary>
        public Task<string> Html(IServiceProvider services) =>
            PrintableTable.Html(services, Control, Subtitle, Columns, SoaExports.Rows(Rows, PrintedReferences), [6, 11, 9, 8, 8, 9, 7, 10, 10, 7, 9, 6]);
    }

    /// <summary>
    /// The SoA to export: version <paramref name="version"/>, "draft", or by default the latest approved version (the draft
    /// when none is approved yet); null for a version that does not exist.
    /// </summary>
    public static async Task<SoaDocument?> Compose(string? version, GetSoa get, ExportDocuments documents, CancellationToken ct)
    {
        IReadOnlyList<SoaRow> rows;
        string state;
        string label;
        ExportDocuments.Approval? approval = null;
        var chosen = version == "draft" ? null : await get.Version(int.TryParse(version, out var n) ? n : null, ct);
        if (version == "draft" || (version is null && chosen is null))
        {
            rows = (await get.Handle(ct)).Lines.Select(l => l.Row).ToList();
            (state, label) = ("Draft — not approved", "draft");
        }
        else
        {
            if (chosen is null)
            {
                return null;
            }

            rows = chosen.Rows;
            approval = new(chosen.ApprovedByName, chosen.ApprovedAt, chosen.Note);
            (state, label) = ($"Version {chosen.Number}, approved by {chosen.ApprovedByName} on {chosen.ApprovedAt:d MMMM yyyy HH:mm} UTC", $"v{chosen.Number}");
        }

        var control = await documents.Control("Statement of Applicability", "OIM-SOA", label == "draft" ? "Draft — not approved" : $"Version {label[1..]}",
            "ISO/IEC 27001:2022 clause 6.1.3 d", approval, null, ct);
        return new SoaDocument($"statement-of-applicability-{label}", control, $"ISO/IEC 27001:2022 clause 6.1.3 d. {state}.", rows);
    }

    /// <summary>On paper, a cell names this many risks or controls and counts the rest (the workbook names them all).</summary>
    private const int PrintedReferences = 10;

    private static async IAsyncEnumerable<object?[]> Rows(IReadOnlyList<SoaRow> rows, int named = int.MaxValue)
    {
        foreach (var r in rows)
        {
            yield return
            [
                r.Code, r.Title, r.Theme, CompareSoa.Applicability(r.Applicable), string.Join(", ", r.Reasons.Select(Labels.Words)), r.InclusionJustification, List(r.TreatedRisks, named, "risks"),
                r.ExclusionJustification, r.Status, r.OverrideReason, List(r.ImplementedBy, named, "controls"), r.Notes,
            ];
        }

        await Task.CompletedTask;
    }

    private static string List(IReadOnlyList<string> items, int named, string noun) =>
        items.Count <= named ? string.Join(", ", items) : $"{string.Join(", ", items.Take(named))} … ({items.Count} {noun} in all; the XLSX export names every one)";
}
