using System.Text;
using OpenIsms.Core.Audits;
using OpenIsms.Web.Components.Shared;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Audits;

/// <summary>
/// An audit's report as DOCX or PDF, on the controlled-document template: scope, criteria, method, sampling, the findings by
/// severity, the conclusion and its sign-off; the checklist in full as an appendix. Before sign-off it says it is a draft.
/// </summary>
public sealed class AuditEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/audits/{id:guid}/report.{format:regex(^(docx|pdf)$)}",
                async (Guid id, string format, HttpContext http, GetAuditReport get, ExportDocuments documents, PdfPrinter pdf, CancellationToken ct) =>
                {
                    if (await get.Handle(id, ct) is not { } report)
                    {
                        return Results.NotFound();
                    }

                    return await TextDocumentExport.Respond(http, pdf, format, await Compose(report, documents, ct), ct);
                })
            .RequireAuthorization(new HasPermissionAttribute(AuditPermissions.Read));

    /// <summary>The report as a controlled document, for the download and for the Stage 1 pack.</summary>
    public static async Task<TextDocument> Compose(GetAuditReport.Report report, ExportDocuments documents, CancellationToken ct)
    {
        var a = report.Audit;
        var signed = a.ReportedOn is not null;
        var control = await documents.Control($"Internal audit report {a.Reference}", a.Reference, signed ? $"Signed off {a.ReportedOn:d MMMM yyyy}" : "Draft — not signed off",
            "ISO/IEC 27001:2022 clause 9.2", signed ? new ExportDocuments.Approval(a.ReportedBy!, a.ReportedOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "Signed off by the lead auditor") : null,
            report.LeadAuditor, ct);
        var subtitle = $"{a.Title} · {a.PlannedStart:d MMM yyyy}{(a.PlannedEnd != a.PlannedStart ? $" – {a.PlannedEnd:d MMM yyyy}" : "")}";
        IReadOnlyList<Appendix> appendices =
        [
            new("Checklist", ["Item", "Sampled", "Evidence examined", "Result", "Notes"],
                [.. report.Lines.Select(l => new object?[]
                {
                    $"{l.Code} {(l.Kind is AuditItemKind.Clause or AuditItemKind.Control ? l.Title : "")}".Trim(),
                    l.SampleSize is { } n ? $"{l.Sampled} ({n})" : l.Sampled, l.Evidence, l.Result is { } r ? Labels.Of(r) : "Not recorded",
                    l.Result == AuditResult.NotAudited ? l.NotAuditedReason : l.Notes,
                })]) { Widths = [22, 18, 22, 12, 26] },
        ];
        return new TextDocument { FileStem = $"{a.Reference}-report", Control = control, Subtitle = subtitle, Markdown = Markdown(report), Appendices = appendices };
    }

    private static readonly (AuditResult Result, string Heading)[] Severities =
    [
        (AuditResult.MajorNonconformity, "Major nonconformities"), (AuditResult.MinorNonconformity, "Minor nonconformities"),
        (AuditResult.Observation, "Observations"), (AuditResult.OpportunityForImprovement, "Opportunities for improvement"),
    ];

    /// <summary>The report's text. Users' words are escaped so that a note cannot become a heading or a link.</summary>
    private static string Markdown(GetAuditReport.Report report)
    {
        var a = report.Audit;
        var md = new StringBuilder();
        md.Append("## Scope\n\n").Append($"{report.Lines.Count} items: ")
          .Append(string.Join(", ", report.Lines.GroupBy(l => l.Kind).Select(g => $"{g.Count()} {Labels.Of(g.Key).ToLowerInvariant()}{(g.Count() == 1 ? "" : "s")}"))).Append(".\n\n")
          .Append("## Criteria\n\n").Append(MarkdownText.Escape(a.Criteria)).Append("\n\n")
          .Append("## Method\n\n").Append($"Lead auditor: {MarkdownText.Escape(report.LeadAuditor ?? "—")}. Team: {MarkdownText.Escape(string.Join(", ", report.Team))}.\n\n")
          .Append($"Competence relied on: {MarkdownText.Escape(a.CompetenceEvidence)}\n\n");
        if (a.Auditees is not null)
        {
            md.Append($"Auditees: {MarkdownText.Escape(a.Auditees)}\n\n");
        }

        if (a.Plan is not null)
        {
            md.Append(MarkdownText.Escape(a.Plan)).Append("\n\n");
        }

        var sampled = report.Lines.Where(l => l.SampleSize is not null).ToList();
        md.Append("## Sampling\n\n").Append(sampled.Count == 0 ? "No sample sizes were recorded; the checklist in the appendix says what was looked at.\n\n"
            : $"{sampled.Sum(l => l.SampleSize)} records were sampled across {sampled.Count} items; the checklist in the appendix gives each sample.\n\n");
        md.Append("## Findings\n\n");
        foreach (var (result, heading) in Severities)
        {
            var found = report.Lines.Where(l => l.Result == result).ToList();
            md.Append($"### {heading} ({found.Count})\n\n");
            foreach (var l in found)
            {
                md.Append($"- **{MarkdownText.Escape(l.Code)}** {MarkdownText.Escape(l.Notes ?? "")}{(l.Nonconformity is null ? "" : $" — raised as {MarkdownText.Escape(l.Nonconformity)}")}\n");
            }

            md.Append(found.Count == 0 ? "None.\n\n" : "\n");
        }

        var conforming = report.Lines.Count(l => l.Result == AuditResult.Conforming);
        var notAudited = report.Lines.Count(l => l.Result == AuditResult.NotAudited);
        var open = report.Lines.Count(l => l.Result is null);
        md.Append($"{conforming} items conform; {notAudited} were not audited; {open} have no result.\n\n");
        md.Append("## Conclusion\n\n").Append(a.Conclusion is null ? "Not written yet: this is a draft." : MarkdownText.Escape(a.Conclusion)).Append("\n\n");
        md.Append("## Sign-off\n\n").Append(a.ReportedOn is { } on ? $"Signed off by {MarkdownText.Escape(a.ReportedBy ?? "")} on {on:d MMMM yyyy}." : "Not signed off.").Append('\n');
        return md.ToString();
    }
}
