using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using OpenIsms.Core.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>A table printed after a document's text: its change history, its approval record.</summary>
public sealed record Appendix(string Heading, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Column widths in percent for print, so a short column is not squeezed to a letter by a long hash.</summary>
    public IReadOnlyList<int>? Widths { get; init; }
}

/// <summary>A written document ready to export: the file's name without its extension, the control block, the subtitle, the text and the appendices.</summary>
public sealed record TextDocument
{
    public required string FileStem { get; init; }

    public required DocumentControl Control { get; init; }

    public required string Subtitle { get; init; }

    public required string? Markdown { get; init; }

    public required IReadOnlyList<Appendix> Appendices { get; init; }
}

/// <summary>
/// A written document (a policy, a procedure) as a controlled document: the document-control block, the text converted
/// from its Markdown, then its appendices. DOCX is written with the OpenXML SDK in Word's own styles (Heading 1–3,
/// Table Grid) so an organisation's template restyles it; PDF is the same content printed by headless Chromium.
/// </summary>
public static class TextDocumentExport
{
    public static async Task Docx(HttpResponse response, string fileName, DocumentControl control, string subtitle, string? markdown, IReadOnlyList<Appendix> appendices, CancellationToken ct)
    {
        await using var temp = TableExport.TempFile();
        WriteDocx(temp, control, subtitle, markdown, appendices);
        await TableExport.CopyOut(response, fileName, TableExport.DocxType, temp, ct);
    }

    /// <summary>The document written to a seekable stream (a temporary file): for a download, or for a file in the Stage 1 pack.</summary>
    public static void WriteDocx(Stream temp, DocumentControl control, string subtitle, string? markdown, IReadOnlyList<Appendix> appendices)
    {
        using (var document = WordprocessingDocument.Create(temp, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = TableExport.WordStyles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(new W.Paragraph(
                new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Right }),
                new W.Run(new W.Text($"{control.DocumentId} · {control.Version} · {control.Classification ?? ""} · Page ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.SimpleField(new W.Run(new W.Text("1"))) { Instruction = " PAGE " },
                new W.Run(new W.Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.SimpleField(new W.Run(new W.Text("1"))) { Instruction = " NUMPAGES " }));
            var body = new W.Body();
            body.Append(TableExport.Styled(control.Title, "Title"), TableExport.Styled(subtitle, "Subtitle"), TableExport.Styled("Document control", "Heading1"));
            body.Append(Grid(control.Lines.Select(l => new[] { l.Label, l.Value }), header: null, firstBold: true));
            body.Append(new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })));
            if (!string.IsNullOrWhiteSpace(markdown))
            {
                body.Append(MarkdownDocx.Convert(markdown));
            }

            foreach (var appendix in appendices)
            {
                body.Append(TableExport.Styled(appendix.Heading, "Heading1"));
                body.Append(appendix.Rows.Count == 0
                    ? new W.Paragraph(new W.Run(new W.Text("None.")))
                    : Grid(appendix.Rows.Select(r => r.Select(TableExport.Text).ToArray()), appendix.Header, firstBold: false));
            }

            body.Append(new W.SectionProperties(
                new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new W.PageSize { Width = 11906, Height = 16838 },
                new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new W.Document(body);
        }
    }

    /// <summary>
    /// Answers a request for the document as DOCX or PDF: the DOCX written to the response, the PDF printed by Chromium
    /// (or a plain page saying the DOCX is there when no printer is).
    /// </summary>
    public static async Task<IResult> Respond(HttpContext http, PdfPrinter pdf, string format, string fileName, DocumentControl control, string subtitle, string? markdown,
        IReadOnlyList<Appendix> appendices, CancellationToken ct)
    {
        if (format == "docx")
        {
            await Docx(http.Response, fileName, control, subtitle, markdown, appendices, ct);
            return Results.Empty;
        }

        var html = await Html(http.RequestServices, control, subtitle, markdown, appendices);
        if (await pdf.Print(html, ct) is not { } printed)
        {
            return Results.Content(ErrorEndpoints.Render(503, "The PDF could not be made", "No PDF printer (Chromium) is available on the server. Download the DOCX instead."),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(printed, "application/pdf", fileName);
    }

    public static Task<IResult> Respond(HttpContext http, PdfPrinter pdf, string format, TextDocument document, CancellationToken ct) =>
        Respond(http, pdf, format, $"{document.FileStem}.{format}", document.Control, document.Subtitle, document.Markdown, document.Appendices, ct);

    /// <summary>The same document as self-contained HTML for Chromium to print.</summary>
    public static async Task<string> Html(IServiceProvider services, DocumentControl control, string subtitle, string? markdown, IReadOnlyList<Appendix> appendices)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<PrintableText>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PrintableText.Control)] = control,
                [nameof(PrintableText.Subtitle)] = subtitle,
                [nameof(PrintableText.Body)] = DocumentMarkdown.ToHtml(markdown),
                [nameof(PrintableText.Appendices)] = appendices,
            }));
            return output.ToHtmlString();
        });
    }

    private static W.Table Grid(IEnumerable<string[]> rows, IReadOnlyList<string>? header, bool firstBold)
    {
        var table = new W.Table(new W.TableProperties(new W.TableStyle { Val = "TableGrid" }, new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }));
        if (header is not null)
        {
            table.Append(new W.TableRow(new OpenXmlElement[] { new W.TableRowProperties(new W.TableHeader(), new W.CantSplit()) }
                .Concat(header.Select(h => TableExport.Cell(h, bold: true, width: null)))));
        }

        foreach (var row in rows)
        {
            table.Append(new W.TableRow(new OpenXmlElement[] { new W.TableRowProperties(new W.CantSplit()) }
                .Concat(row.Select((v, i) => TableExport.Cell(v, bold: firstBold && i == 0, width: firstBold ? (i == 0 ? 1300 : 3700) : null)))));
        }

        return table;
    }
}

/// <summary>Markdown (as <see cref="DocumentMarkdown"/> parses it) to WordprocessingML paragraphs, runs and tables.</summary>
public static class MarkdownDocx
{
    private const int Indent = 360;

    public static IEnumerable<OpenXmlElement> Convert(string markdown)
    {
        var output = new List<OpenXmlElement>();
        foreach (var block in DocumentMarkdown.Parse(markdown))
        {
            Block(block, 0, output);
        }

        return output;
    }

    private static void Block(Block block, int level, List<OpenXmlElement> output, string? bullet = null)
    {
        switch (block)
        {
            case HeadingBlock h:
                output.Add(Paragraph(h.Inline, $"Heading{Math.Clamp(h.Level, 1, 3)}", level, null));
                break;
            case ParagraphBlock p:
                output.Add(Paragraph(p.Inline, null, level, bullet));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var mark = list.IsOrdered ? $"{number++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        Block(child, level + 1, output, first ? mark : null);
                        first = false;
                    }
                }

                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    Block(child, level + 1, output);
                }

                break;
            case Table table:
                output.Add(TableOf(table));
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    output.Add(new W.Paragraph(Properties(null, level, null),
                        new W.Run(new W.RunProperties(new W.RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }), new W.Text(TableExport.Clean(line.ToString())) { Space = SpaceProcessingModeValues.Preserve })));
                }

                break;
            case ThematicBreakBlock:
                output.Add(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphBorders(new W.BottomBorder { Val = W.BorderValues.Single, Size = 6 }))));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Block(child, level, output);
                }

                break;
        }
    }

    private static W.ParagraphProperties Properties(string? style, int level, string? bullet)
    {
        var properties = new W.ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new W.ParagraphStyleId { Val = style });
        }

        if (level > 0)
        {
            properties.Append(bullet is null
                ? new W.Indentation { Left = (Indent * level).ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new W.Indentation { Left = (Indent * level).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = Indent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return properties;
    }

    private static W.Paragraph Paragraph(ContainerInline? inline, string? style, int level, string? bullet)
    {
        var paragraph = new W.Paragraph(Properties(style, level, bullet));
        if (bullet is not null)
        {
            paragraph.Append(new W.Run(new W.Text(bullet + "\t") { Space = SpaceProcessingModeValues.Preserve }));
        }

        if (inline is not null)
        {
            paragraph.Append(Runs(inline, bold: false, italic: false, strike: false));
        }

        return paragraph;
    }

    private static IEnumerable<OpenXmlElement> Runs(ContainerInline container, bool bold, bool italic, bool strike)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), bold, italic, strike);
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterChar is '*' or '_' && emphasis.DelimiterCount >= 2;
                    var struck = emphasis.DelimiterChar == '~';
                    foreach (var run in Runs(emphasis, bold || strong, italic || (!strong && !struck), strike || struck))
                    {
                        yield return run;
                    }

                    break;
                case CodeInline code:
                    yield return new W.Run(new W.RunProperties(new W.RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }), new W.Text(TableExport.Clean(code.Content)) { Space = SpaceProcessingModeValues.Preserve });
                    break;
                case LineBreakInline lineBreak:
                    yield return lineBreak.IsHard ? new W.Run(new W.Break()) : Run(" ", bold, italic, strike);
                    break;
                case LinkInline link when link.IsImage:
                    yield return Run($"[image: {Plain(link)}]", bold, italic, strike);
                    break;
                case LinkInline link:
                    foreach (var run in Runs(link, bold, italic, strike))
                    {
                        yield return run;
                    }

                    if (!string.IsNullOrEmpty(link.Url) && Plain(link) != link.Url)
                    {
                        yield return Run($" ({link.Url})", bold, italic, strike);
                    }

                    break;
                case AutolinkInline auto:
                    yield return Run(auto.Url, bold, italic, strike);
                    break;
                case TaskList task:
                    yield return Run(task.Checked ? "☑ " : "☐ ", bold, italic, strike);
                    break;
                case HtmlEntityInline entity:
                    yield return Run(entity.Transcoded.ToString(), bold, italic, strike);
                    break;
                case ContainerInline other:
                    foreach (var run in Runs(other, bold, italic, strike))
                    {
                        yield return run;
                    }

                    break;
                default:
                    yield return Run(inline.ToString() ?? "", bold, italic, strike);
                    break;
            }
        }
    }

    private static string Plain(ContainerInline container) => string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static W.Run Run(string text, bool bold, bool italic, bool strike)
    {
        var properties = new W.RunProperties();
        if (bold)
        {
            properties.Append(new W.Bold());
        }

        if (italic)
        {
            properties.Append(new W.Italic());
        }

        if (strike)
        {
            properties.Append(new W.Strike());
        }

        return new W.Run(properties, new W.Text(TableExport.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static W.Table TableOf(Table table)
    {
        var result = new W.Table(new W.TableProperties(new W.TableStyle { Val = "TableGrid" }, new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }));
        foreach (var row in table.OfType<TableRow>())
        {
            var wordRow = new W.TableRow(new W.TableRowProperties(row.IsHeader ? new W.TableHeader() : new W.CantSplit()));
            foreach (var cell in row.OfType<TableCell>())
            {
                var paragraphs = cell.OfType<ParagraphBlock>().Select(p => (OpenXmlElement)new W.Paragraph(Runs(p.Inline!, row.IsHeader, false, false))).ToList();
                wordRow.Append(new W.TableCell(paragraphs.Count == 0 ? [new W.Paragraph()] : paragraphs));
            }

            result.Append(wordRow);
        }

        return result;
    }
}
