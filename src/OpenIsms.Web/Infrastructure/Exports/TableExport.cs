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
/// OpenXML SDK's forward-only writer to a temporary file, which is then copied out and deleted.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

    public static async Task Xlsx(HttpResponse response, string fileName, string sheetName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var temp = TempFile();
        using (var document = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, header.Cast<object?>().ToArray());
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        await CopyOut(response, fileName, XlsxType, temp, ct);
    }

    /// <summary>A Word document: a title, a line saying what and when, and the rows as a table.</summary>
    public static async Task Docx(HttpResponse response, string fileName, string title, string subtitle, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var temp = TempFile();
        using (var document = WordprocessingDocument.Create(temp, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartElement(new W.Document());
            writer.WriteStartElement(new W.Body());
            writer.WriteElement(Paragraph(title, bold: true, size: 32));
            writer.WriteElement(Paragraph(subtitle, bold: false, size: 20));
            writer.WriteStartElement(new W.Table());
            writer.WriteElement(new W.TableProperties(
                new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                    new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 }),
                new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }));
            writer.WriteElement(TableRow(header.Cast<object?>().ToArray(), bold: true));
            await foreach (var row in rows.WithCancellation(ct))
            {
                writer.WriteElement(TableRow(row, bold: false));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        await CopyOut(response, fileName, DocxType, temp, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    writer.WriteElement(new Cell());
                    break;
                case int or long or double or decimal:
                    writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) });
                    break;
                default:
                    writer.WriteElement(new Cell(new InlineString(new Text(Clean(Text(value))) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    private static W.Paragraph Paragraph(string text, bool bold, int size)
    {
        var properties = new W.RunProperties(new W.FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.PrependChild(new W.Bold());
        }

        return new W.Paragraph(new W.Run(properties, new W.Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static W.TableRow TableRow(object?[] values, bool bold) =>
        new(values.Select(v => new W.TableCell(new W.Paragraph(new W.Run(
            bold ? new W.RunProperties(new W.Bold(), new W.FontSize { Val = "18" }) : new W.RunProperties(new W.FontSize { Val = "18" }),
            new W.Text(Clean(Text(v))) { Space = SpaceProcessingModeValues.Preserve })))));

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>XML cannot carry most control characters; they are dropped rather than breaking the file.</summary>
    private static string Clean(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
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

    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), "openisms-export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

    private static async Task CopyOut(HttpResponse response, string fileName, string type, FileStream file, CancellationToken ct)
    {
        Begin(response, fileName, type);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, ct);
    }
}
