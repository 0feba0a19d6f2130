using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>
/// Writes a header and streamed rows as CSV, XLSX or DOCX. Memory stays flat whatever the number of rows: CSV goes
/// straight to the response; XLSX and DOCX (ZIP packages that need a seekable stream) are written row by row with the
/// OpenXML SDK's forward-only writer to a temporary file, which is then copied out and deleted. The workbook and the
/// document are controlled documents: a document-control block first, then the table with a bold header that stays in
/// view, real dates, column widths and filters (XLSX), or Word's own title, heading and table styles, a header row
/// repeated on every page, page numbers and landscape pages for wide tables (DOCX).
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The document-control sheet's name in every workbook.</summary>
    public const string ControlSheet = "Document control";

    // Cell styles of the workbook's stylesheet, by index.
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint DateStyle = 3;
    private const uint NumberStyle = 4;
    private const uint DateTimeStyle = 5;
    private const uint LabelStyle = 6;

    public static async Task Csv(HttpResponse response, string fileName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        Begin(response, fileName, CsvType);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        await writer.WriteLineAsync(string.Join(',', header.Select(Quote)));
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',', row.Select(v => Quote(Text(v)))));
        }
    }

    public static async Task Xlsx(HttpResponse response, string fileName, string sheetName, DocumentControl control, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var temp = TempFile();
        await WriteXlsx(temp, sheetName, control, header, rows, ct);
        await CopyOut(response, fileName, XlsxType, temp, ct);
    }

    /// <summary>The workbook written to a seekable stream (a temporary file): for a download, or for a file in the Stage 1 pack.</summary>
    public static async Task WriteXlsx(Stream temp, string sheetName, DocumentControl control, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        using (var document = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();

            var controlPart = workbook.AddNewPart<WorksheetPart>();
            controlPart.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 90, CustomWidth = true }),
                new SheetData(control.Lines.Select((line, i) => new Row(
                    new Cell(new InlineString(new Text(Clean(line.Label)))) { DataType = CellValues.InlineString, StyleIndex = LabelStyle, CellReference = $"A{i + 1}" },
                    new Cell(new InlineString(new Text(Clean(line.Value)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = TextStyle, CellReference = $"B{i + 1}" })
                { RowIndex = (uint)(i + 1) })));

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var count = 0;
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                // The header row stays in view while scrolling.
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0, TabSelected = true }));
                writer.WriteElement(new Columns(header.Select((h, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Width(h), CustomWidth = true })));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, header.Cast<object?>().ToArray(), HeaderStyle);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, row, null);
                    count++;
                }

                writer.WriteEndElement();
                writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(header.Count)}{count + 1}" });
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(
                new Sheets(
                    new Sheet { Id = workbook.GetIdOfPart(controlPart), SheetId = 1, Name = ControlSheet },
                    new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 2, Name = SheetName(sheetName) }),
                new DefinedNames(new DefinedName($"'{SheetName(sheetName)}'!$A$1:${ColumnName(header.Count)}${count + 1}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 1, Hidden = true }));
            workbook.Workbook.Save();
        }
    }

    /// <summary>A Word document: the title, the document-control table, and the rows as a table.</summary>
    public static async Task Docx(HttpResponse response, string fileName, DocumentControl control, string subtitle, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var temp = TempFile();
        using (var document = WordprocessingDocument.Create(temp, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(new W.Paragraph(
                new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Right }),
                new W.Run(new W.Text($"{control.Title} · {control.Version} · Page ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.SimpleField(new W.Run(new W.Text("1"))) { Instruction = " PAGE " },
                new W.Run(new W.Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.SimpleField(new W.Run(new W.Text("1"))) { Instruction = " NUMPAGES " }));

            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartElement(new W.Document());
            writer.WriteStartElement(new W.Body());
            writer.WriteElement(Styled(control.Title, "Title"));
            writer.WriteElement(Styled(subtitle, "Subtitle"));
            writer.WriteElement(Styled("Document control", "Heading1"));
            writer.WriteElement(new W.Table(new OpenXmlElement[] { new W.TableProperties(new W.TableStyle { Val = "TableGrid" }, new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }) }
                .Concat(control.Lines.Select(line => new W.TableRow(Cell(line.Label, bold: true, width: 1200), Cell(line.Value, bold: false, width: 3800))))));
            writer.WriteElement(Styled(control.Title, "Heading1"));
            writer.WriteStartElement(new W.Table());
            writer.WriteElement(new W.TableProperties(
                new W.TableStyle { Val = "TableGrid" },
                new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" },
                new W.TableLook { FirstRow = true, Val = "04A0" }));
            // The header row is repeated at the top of every page.
            writer.WriteElement(new W.TableRow(new[] { new W.TableRowProperties(new W.TableHeader(), new W.CantSplit()) }.Cast<OpenXmlElement>()
                .Concat(header.Select(h => Cell(h, bold: true, width: null)))));
            await foreach (var row in rows.WithCancellation(ct))
            {
                writer.WriteElement(new W.TableRow(new[] { new W.TableRowProperties(new W.CantSplit()) }.Cast<OpenXmlElement>()
                    .Concat(row.Select(v => Cell(Text(v), bold: false, width: null)))));
            }

            writer.WriteEndElement();
            // A4, landscape for a table wider than six columns; the footer numbers the pages.
            var landscape = header.Count > 6;
            writer.WriteElement(new W.SectionProperties(
                new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                landscape
                    ? new W.PageSize { Width = 16838, Height = 11906, Orient = W.PageOrientationValues.Landscape }
                    : new W.PageSize { Width = 11906, Height = 16838 },
                new W.PageMargin { Top = 851, Bottom = 851, Left = 720, Right = 720, Header = 425, Footer = 425, Gutter = 0 }));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        await CopyOut(response, fileName, DocxType, temp, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] values, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell { StyleIndex = style ?? TextStyle });
                    break;
                case int or long or double or decimal:
                    writer.WriteElement(new Cell { DataType = CellValues.Number, StyleIndex = style ?? NumberStyle, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) });
                    break;
                case DateOnly day:
                    // A real date: sortable and filterable in Excel, shown as 2026-12-31.
                    writer.WriteElement(new Cell { StyleIndex = style ?? DateStyle, CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) });
                    break;
                case DateTime moment:
                    writer.WriteElement(new Cell { StyleIndex = style ?? DateTimeStyle, CellValue = new CellValue(moment.ToOADate().ToString(CultureInfo.InvariantCulture)) });
                    break;
                default:
                    writer.WriteElement(new Cell(new InlineString(new Text(Clean(Text(value))) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style ?? TextStyle });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECF1" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF8C959F" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(Top(wrap: true)) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(Top(wrap: true)) { ApplyAlignment = true },
            new CellFormat(Top(wrap: false)) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(Top(wrap: false)) { ApplyAlignment = true },
            new CellFormat(Top(wrap: false)) { NumberFormatId = 165, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(Top(wrap: true)) { FontId = 1, ApplyFont = true, ApplyAlignment = true })
        { Count = 7 });

    private static Alignment Top(bool wrap) => new() { Vertical = VerticalAlignmentValues.Top, WrapText = wrap };

    /// <summary>A column wide enough for its kind: long text wide, identifiers and dates narrow.</summary>
    private static double Width(string header)
    {
        string[] wide = ["title", "description", "justification", "notes", "rationale", "scenario", "action", "existing controls", "acceptance", "reasons", "threat", "vulnerability", "implemented by", "risks treated", "verification", "because"];
        return wide.Any(w => header.Contains(w, StringComparison.OrdinalIgnoreCase)) ? 45 : Math.Clamp(header.Length + 4, 12, 30);
    }

    /// <summary>1 → A, 27 → AA.</summary>
    private static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Word's own styles, so an organisation's template restyles the document: Normal, Title, Subtitle, Heading 1, Table Grid.</summary>
    internal static W.Styles WordStyles() => new(
        new W.DocDefaults(new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(new W.RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new W.FontSize { Val = "18" }))),
        new W.Style(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle()) { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new W.Style(new W.StyleName { Val = "Title" }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" }, new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "120" }), new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "36" }))
        { Type = W.StyleValues.Paragraph, StyleId = "Title" },
        new W.Style(new W.StyleName { Val = "Subtitle" }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" }, new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "240" }), new W.StyleRunProperties(new W.Color { Val = "57606A" }, new W.FontSize { Val = "20" }))
        { Type = W.StyleValues.Paragraph, StyleId = "Subtitle" },
        new W.Style(new W.StyleName { Val = "heading 1" }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" }, new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "240", After = "120" }, new W.OutlineLevel { Val = 0 }),
            new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "26" }))
        { Type = W.StyleValues.Paragraph, StyleId = "Heading1" },
        new W.Style(new W.StyleName { Val = "heading 2" }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" }, new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "200", After = "100" }, new W.OutlineLevel { Val = 1 }),
            new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "23" }))
        { Type = W.StyleValues.Paragraph, StyleId = "Heading2" },
        new W.Style(new W.StyleName { Val = "heading 3" }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" }, new W.PrimaryStyle(),
            new W.StyleParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "160", After = "80" }, new W.OutlineLevel { Val = 2 }),
            new W.StyleRunProperties(new W.Bold(), new W.FontSize { Val = "20" }))
        { Type = W.StyleValues.Paragraph, StyleId = "Heading3" },
        new W.Style(new W.StyleName { Val = "Table Grid" }, new W.BasedOn { Val = "TableNormal" },
            new W.StyleTableProperties(new W.TableBorders(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }),
                new W.TableCellMarginDefault(new W.TopMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa }, new W.BottomMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa })))
        { Type = W.StyleValues.Table, StyleId = "TableGrid" },
        new W.Style(new W.StyleName { Val = "Normal Table" }, new W.UIPriority { Val = 99 }, new W.SemiHidden(),
            new W.StyleTableProperties(new W.TableIndentation { Width = 0, Type = W.TableWidthUnitValues.Dxa }, new W.TableCellMarginDefault(
                new W.TopMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa }, new W.TableCellLeftMargin { Width = 108, Type = W.TableWidthValues.Dxa },
                new W.BottomMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa }, new W.TableCellRightMargin { Width = 108, Type = W.TableWidthValues.Dxa })))
        { Type = W.StyleValues.Table, StyleId = "TableNormal", Default = true });

    internal static W.Paragraph Styled(string text, string style) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }), new W.Run(new W.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));

    internal static W.TableCell Cell(string text, bool bold, int? width)
    {
        var properties = new W.TableCellProperties();
        if (width is { } pct)
        {
            properties.Append(new W.TableCellWidth { Type = W.TableWidthUnitValues.Pct, Width = pct.ToString(CultureInfo.InvariantCulture) });
        }

        var paragraph = new W.Paragraph();
        var lines = Clean(text).Split('\n');
        var run = new W.Run(bold ? new W.RunProperties(new W.Bold()) : new W.RunProperties());
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new W.Break());
            }

            run.Append(new W.Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return new W.TableCell(properties, paragraph);
    }

    internal static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>XML cannot carry most control characters; they are dropped rather than breaking the file.</summary>
    internal static string Clean(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray())
        : text;

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula (=, +, -, @), so an
    /// exported register cannot carry a formula injection to whoever opens it.
    /// </summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Begin(HttpResponse response, string fileName, string type)
    {
        response.ContentType = type;
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        response.Headers.CacheControl = "no-store";
    }

    public static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), "openisms-export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

    internal static async Task CopyOut(HttpResponse response, string fileName, string type, FileStream file, CancellationToken ct)
    {
        Begin(response, fileName, type);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, ct);
    }
}
