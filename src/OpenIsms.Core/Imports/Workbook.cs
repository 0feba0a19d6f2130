using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Reads an Excel workbook as Excel shows it: the sheet that holds the register (or the one chosen), each cell's value
/// in its number format (dates as dates, "0.00" with its decimals, General numbers without binary noise), formulas by
/// the value Excel last calculated. A number in the General format is marked, because General hides trailing zeros.
/// </summary>
internal static partial class Workbook
{
    public static (Table?, string?) Read(byte[] content, TableLayout layout)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>()
                .Where(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                .Select(s => (Name: s.Name?.Value ?? "", Part: (WorksheetPart)workbook.GetPartById(s.Id!)))
                .ToList() ?? [];
            if (sheets.Count == 0)
            {
                return (null, "The workbook has no visible sheet.");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(Text).ToArray() ?? [];
            var formats = Formats(workbook);
            (string Name, WorksheetPart Part) chosen;
            if (layout.Sheet is { } wanted)
            {
                chosen = sheets.FirstOrDefault(s => s.Name == wanted);
                if (chosen.Part is null)
                {
                    return (null, $"The workbook has no sheet \"{wanted}\".");
                }
            }
            else
            {
                // The register is the sheet with the most table-like rows; a cover sheet or a legend has few.
                chosen = sheets.Count == 1 ? sheets[0] : sheets.OrderByDescending(s => TableRows(s.Part)).First();
            }

            var records = new List<(int Row, List<string> Cells, HashSet<int>? Numbers)>();
            using var reader = OpenXmlReader.Create(chosen.Part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                // Row by row with the forward-only reader: memory follows one row, not the whole sheet's object tree.
                var row = (Row)reader.LoadCurrentElement()!;
                var values = new List<string>();
                HashSet<int>? numbers = null;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Column(cell.CellReference?.Value);
                    while (column >= 0 && values.Count < column)
                    {
                        values.Add("");
                    }

                    var (text, plainNumber) = Display(cell, shared, formats);
                    if (plainNumber)
                    {
                        (numbers ??= []).Add(values.Count);
                    }

                    values.Add(text);
                }

                records.Add(((int)(row.RowIndex?.Value ?? (uint)(records.Count + 1)), values, numbers));
                if (records.Count > TableFile.MaxRows + 50)
                {
                    return (null, $"The sheet \"{chosen.Name}\" has more than {TableFile.MaxRows:N0} rows. Split it into smaller files.");
                }
            }

            return TableFile.Build(records, layout, sheets.Select(s => s.Name).ToList(), chosen.Name);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, "The file looks like a ZIP package but is not an Excel workbook that can be read. Save it again as .xlsx, or as CSV.");
        }
    }

    /// <summary>How many rows fill at least three cells: how table-like a sheet is.</summary>
    private static int TableRows(WorksheetPart part)
    {
        var count = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;
                count += row.Elements<Cell>().Count(c => c.CellValue is not null || c.InlineString is not null) >= 3 ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>A shared string's text without the phonetic hints some East Asian workbooks carry.</summary>
    private static string Text(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    /// <summary>The number format code of each cell style, by style index.</summary>
    private static string[] Formats(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "General") ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id ? custom.GetValueOrDefault(id) ?? BuiltIn(id) : "General")
            .ToArray() ?? [];
    }

    /// <summary>Excel's built-in number formats that matter for reading: dates, times, fixed decimals, percentages, text.</summary>
    private static string BuiltIn(uint id) => id switch
    {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        14 or (>= 27 and <= 31) or (>= 50 and <= 58) => "yyyy-mm-dd",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 or 19 or 20 or 21 or 45 or 46 or 47 => "hh:mm",
        22 => "yyyy-mm-dd hh:mm",
        49 => "@",
        _ => "General",
    };

    /// <summary>The cell as Excel shows it, and whether it is a number in the General format (which hides trailing zeros).</summary>
    private static (string Text, bool PlainNumber) Display(Cell cell, string[] shared, string[] formats)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : "", false);
        }

        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.Text?.Text ?? cell.InlineString?.InnerText ?? "", false);
        }

        if (type == CellValues.Boolean)
        {
            return (raw == "1" ? "TRUE" : "FALSE", false);
        }

        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return (raw, false);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (raw, false);
        }

        var format = cell.StyleIndex?.Value is { } style && style < formats.Length ? formats[style] : "General";
        var code = Unquoted().Replace(format, "");
        if (code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@")
        {
            return (number.ToString("G15", CultureInfo.InvariantCulture), true);
        }

        if (code.Contains('y', StringComparison.OrdinalIgnoreCase) || code.Contains('d', StringComparison.OrdinalIgnoreCase))
        {
            if (number is > 0 and < 2958466)
            {
                var moment = DateTime.FromOADate(number);
                return (code.Contains('h', StringComparison.OrdinalIgnoreCase) && moment.TimeOfDay != TimeSpan.Zero
                    ? moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false);
            }
        }

        var section = code.Split(';')[0];
        var decimals = section.Contains('.', StringComparison.Ordinal) ? section[(section.IndexOf('.', StringComparison.Ordinal) + 1)..].TakeWhile(c => c is '0' or '#' or '?').Count() : 0;
        if (section.Contains('%', StringComparison.Ordinal))
        {
            return ((number * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%", false);
        }

        return (number.ToString("F" + decimals, CultureInfo.InvariantCulture), false);
    }

    /// <summary>"C7" → 2 (zero-based column).</summary>
    private static int Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return column - 1;
    }

    // Literal text and bracketed parts ("[Red]", "[$-407]") of a format code, which say nothing about dates or decimals.
    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.")]
    private static partial Regex Unquoted();
}
