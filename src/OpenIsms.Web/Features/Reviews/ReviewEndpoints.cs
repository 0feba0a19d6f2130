using System.Text;
using OpenIsms.Core.Reviews;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Reviews;

/// <summary>
/// A management review's minutes as DOCX or PDF on the controlled-document template: attendees, each input with its
/// figures and what was said, the three conclusions, the decisions and the actions; the frozen pack's SHA-256 in the control block.
/// </summary>
public sealed class ReviewEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/reviews/{id:guid}/minutes.{format:regex(^(docx|pdf)$)}",
                async (Guid id, string format, HttpContext http, GetReview get, ExportDocuments documents, PdfPrinter pdf, CancellationToken ct) =>
                {
                    if (await get.Handle(id, ct) is not { } view)
                    {
                        return Results.NotFound();
                    }

                    return await TextDocumentExport.Respond(http, pdf, format, await Compose(view, documents, ct), ct);
                })
            .RequireAuthorization(new HasPermissionAttribute(ReviewPermissions.Read));

    /// <summary>The minutes as a controlled document, for the download and for the Stage 1 pack.</summary>
    public static async Task<TextDocument> Compose(GetReview.View view, ExportDocuments documents, CancellationToken ct)
    {
        var r = view.Review;
        var control = (await documents.Control($"Management review minutes {r.Reference}", r.Reference,
            r.State == ReviewState.Concluded ? $"Concluded {r.ConcludedOn:d MMMM yyyy}" : "Draft — not concluded", "ISO/IEC 27001:2022 clause 9.3",
            r.ConcludedOn is { } on ? new ExportDocuments.Approval(r.ConcludedBy!, on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), $"Chair: {view.Chair}") : null,
            view.Chair, ct)) with
        {
            ApprovalNote = r.PackSha256 is null ? "The input pack is not frozen yet: the figures are today's." : $"Input pack frozen {r.FrozenAt:d MMMM yyyy HH:mm} UTC, SHA-256 {r.PackSha256}",
        };
        IReadOnlyList<Appendix> appendices =
        [
            new("Actions", ["Action", "Who", "Due", "Status", "Outcome"],
                [.. view.Actions.Select(a => new object?[] { a.Title, a.Owner, a.DueOn, a.Status.ToString(), a.Outcome })]) { Widths = [34, 16, 12, 12, 26] },
        ];
        return new TextDocument { FileStem = $"{r.Reference}-minutes", Control = control, Subtitle = $"{r.Title} · {r.ScheduledOn:d MMMM yyyy}", Markdown = Markdown(view), Appendices = appendices };
    }

    private static string Markdown(GetReview.View view)
    {
        var r = view.Review;
        var md = new StringBuilder();
        md.Append($"Chair: {MarkdownText.Escape(view.Chair ?? "—")}. Attendees: {MarkdownText.Escape(r.Attendees ?? "not recorded")}.\n\n");
        md.Append($"Inputs cover {view.Pack.Since:d MMMM yyyy} to {view.Pack.Until:d MMMM yyyy}.\n\n## Inputs (clause 9.3.2)\n\n");
        foreach (var input in view.Pack.Inputs)
        {
            md.Append($"### {input.Code}. {MarkdownText.Escape(input.Title)}\n\n{MarkdownText.Escape(input.Summary)}\n\n");
            foreach (var item in input.Items)
            {
                md.Append($"- {MarkdownText.Escape(item.Text)}\n");
            }

            md.Append(input.Items.Count > 0 ? "\n" : "").Append(view.Minutes.TryGetValue(input.Code, out var said) ? $"**Minutes:** {MarkdownText.Escape(said)}\n\n" : "**Minutes:** not recorded.\n\n");
        }

        md.Append("## Conclusions\n\n")
          .Append($"**Continuing suitability:** {MarkdownText.Escape(r.Suitability ?? "not concluded")}\n\n")
          .Append($"**Adequacy:** {MarkdownText.Escape(r.Adequacy ?? "not concluded")}\n\n")
          .Append($"**Effectiveness:** {MarkdownText.Escape(r.Effectiveness ?? "not concluded")}\n\n")
          .Append("## Decisions\n\n")
          .Append($"**Opportunities for improvement:** {MarkdownText.Escape(r.ImprovementDecisions ?? "none recorded")}\n\n")
          .Append($"**Changes needed to the ISMS:** {MarkdownText.Escape(r.ChangesNeeded ?? "none recorded")}\n\n")
          .Append($"**Resource needs:** {MarkdownText.Escape(r.ResourceNeeds ?? "none recorded")}\n");
        return md.ToString();
    }
}
