using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenIsms.UnitTests.Imports;

/// <summary>
/// Writes small workbooks the way Excel stores them: text as shared strings, numbers as doubles with a number format
/// (General, "0.00", a date), formulas with their cached value. Cells are given as objects: a string, a double, or a
/// <see cref="Formatted"/> or <see cref="Formula"/>.
/// </summary>
public static class TestWorkbook
{
    public sealed record Formatted(double Value, uint FormatId, string? Code = null);

    public sealed record Formula(string Expression, string CachedText);

    /// <summary>Text kept in the cell itself, in formatted runs, with a phonetic hint that is not part of the text.</summary>
    public sealed record Inline(params string[] Runs);

    /// <summary>A one-sheet workbook whose sheet is exactly the XML given (&lt;sheetData&gt;'s content), as other programs write it.</summary>
    public static byte[] Raw(string sheetData)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\n  <sheetData>\n"
                + sheetData + "\n  </sheetData>\n</worksheet>\n";
            using (var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)))
            {
                part.FeedData(content);
            }

            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Register" });
        }

        return stream.ToArray();
    }

    public static byte[] Create(params (string Name, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var formats = new List<(uint Id, string? Code)> { (0, null) };
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var reference = $"{(char)('A' + c)}{r + 1}";
                        switch (rows[r][c])
                        {
                            case null:
                                break;
                            case string text:
                                strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                                row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                                break;
                            case double number:
                                row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) });
                                break;
                            case Formatted f:
                                formats.Add((f.FormatId, f.Code));
                                row.AppendChild(new Cell { CellReference = reference, StyleIndex = (uint)(formats.Count - 1), CellValue = new CellValue(f.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) });
                                break;
                            case bool flag:
                                row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") });
                                break;
                            case Inline inline:
                                var content = new InlineString(inline.Runs.Select(t => new Run(new RunProperties(new Bold()), new Text(t) { Space = SpaceProcessingModeValues.Preserve })));
                                content.AppendChild(new PhoneticRun(new Text("フリガナ")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
                                row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = content });
                                break;
                            case Formula f:
                                row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.String, CellFormula = new CellFormula(f.Expression), CellValue = new CellValue(f.CachedText) });
                                break;
                        }
                    }

                    data.AppendChild(row);
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }

            var custom = formats.Where(f => f.Code is not null).Select(f => new NumberingFormat { NumberFormatId = f.Id, FormatCode = f.Code }).ToList();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(custom) { Count = (uint)custom.Count },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(formats.Select(f => new CellFormat { NumberFormatId = f.Id, ApplyNumberFormat = f.Id != 0 })) { Count = (uint)formats.Count });
        }

        return stream.ToArray();
    }
}
