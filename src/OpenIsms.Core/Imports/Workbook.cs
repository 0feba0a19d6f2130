using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
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
            foreach (var record in Rows(chosen.Part, shared, formats))
            {
                records.Add(record);
                if (records.Count > TableFile.MaxRows + 50)
                {
                    return (null, $"The sheet \"{chosen.Name}\" has more than {TableFile.MaxRows:N0} rows. Split it into smaller files.");
                }
            }

            return TableFile.Build(records, layout, sheets.Select(s => s.Name).ToList(), chosen.Name);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException or ArgumentException or FormatException or XmlException)
        {
            return (null, "The file looks like a ZIP package but is not an Excel workbook that can be read. Save it again as .xlsx, or as CSV.");
        }
    }

    /// <summary>
    /// The sheet's rows, each cell as Excel shows it, read straight from the sheet's XML: forward-only, so memory follows
    /// one row, and several times faster than building each row's object tree.
    /// </summary>
    private static IEnumerable<(int Row, List<string> Cells, HashSet<int>? Numbers)> Rows(WorksheetPart part, string[] shared, NumberFormat[] formats)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        var number = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            number = int.TryParse(xml.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : number + 1;
            var values = new List<string>();
            HashSet<int>? numbers = null;
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                    {
                        continue;
                    }

                    var column = Column(xml.GetAttribute("r"));
                    var type = xml.GetAttribute("t");
                    var style = uint.TryParse(xml.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    var (raw, inline) = CellContent(xml);
                    while (column >= 0 && values.Count < column)
                    {
                        values.Add("");
                    }

                    var (text, plainNumber) = Display(raw, type, inline, style, shared, formats);
                    if (plainNumber)
                    {
                        (numbers ??= []).Add(values.Count);
                    }

                    values.Add(text);
                }
            }

            yield return (number, values, numbers);
        }
    }

    /// <summary>
    /// A cell's value (the text of &lt;v&gt;) and inline text (the &lt;t&gt; elements of &lt;is&gt;, without phonetic
    /// hints); layout whitespace between elements is not text. The reader ends on the cell's end.
    /// </summary>
    private static (string Raw, string? Inline) CellContent(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return ("", null);
        }

        var depth = xml.Depth;
        var raw = new System.Text.StringBuilder();
        System.Text.StringBuilder? inline = null;
        string? child = null; // the cell's child element being read: "v", "is" or another
        var textDepth = -1; // the depth of the <t> being read inside <is>
        var phoneticDepth = -1; // the depth of an <rPh> being skipped
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.Depth == depth + 1:
                    child = xml.IsEmptyElement ? null : xml.LocalName;
                    if (xml.LocalName == "is")
                    {
                        inline = new();
                    }

                    break;
                case XmlNodeType.EndElement when xml.Depth == depth + 1:
                    child = null;
                    break;
                case XmlNodeType.Element when child == "is" && xml.LocalName == "rPh" && !xml.IsEmptyElement && phoneticDepth < 0:
                    phoneticDepth = xml.Depth;
                    break;
                case XmlNodeType.EndElement when xml.Depth == phoneticDepth:
                    phoneticDepth = -1;
                    break;
                case XmlNodeType.Element when child == "is" && xml.LocalName == "t" && !xml.IsEmptyElement && phoneticDepth < 0:
                    textDepth = xml.Depth;
                    break;
                case XmlNodeType.EndElement when xml.Depth == textDepth:
                    textDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (child == "v" && xml.Depth == depth + 2)
                    {
                        raw.Append(xml.Value);
                    }
                    else if (textDepth >= 0 && xml.Depth == textDepth + 1)
                    {
                        inline?.Append(xml.Value);
                    }

                    break;
            }
        }

        return (raw.ToString().Trim(), inline?.ToString());
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true };

    /// <summary>How many rows fill at least three cells: how table-like a sheet is, counted from the sheet's XML.</summary>
    private static int TableRows(WorksheetPart part)
    {
        int count = 0, filled = 0;
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                count += filled >= 3 ? 1 : 0;
                filled = 0;
            }
            else if (xml.LocalName is "v" or "is")
            {
                filled++;
            }
        }

        return count + (filled >= 3 ? 1 : 0);
    }

    /// <summary>A shared string's text without the phonetic hints some East Asian workbooks carry.</summary>
    private static string Text(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    /// <summary>The number format code of each cell style, by style index.</summary>
    private static NumberFormat[] Formats(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "General") ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => NumberFormat.Of(f.NumberFormatId?.Value is { } id ? custom.GetValueOrDefault(id) ?? BuiltIn(id) : "General"))
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
    private static (string Text, bool PlainNumber) Display(string raw, string? type, string? inline, uint style, string[] shared, NumberFormat[] formats)
    {
        switch (type)
        {
            case "s":
                return (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : "", false);
            case "inlineStr":
                return (inline ?? raw, false);
            case "b":
                return (raw.Trim() == "1" ? "TRUE" : "FALSE", false);
            case "str" or "e" or "d":
                return (raw, false);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return (raw, false);
        }

        var format = style < formats.Length ? formats[style] : NumberFormat.General;
        if (format.Plain)
        {
            return (number.ToString("G15", CultureInfo.InvariantCulture), true);
        }

        if (format.Date && number is > 0 and < 2958466)
        {
            var moment = DateTime.FromOADate(number);
            return (format.Time && moment.TimeOfDay != TimeSpan.Zero
                ? moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                : moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false);
        }

        return format.Percent
            ? ((number * 100).ToString(format.Fixed, CultureInfo.InvariantCulture) + "%", false)
            : (number.ToString(format.Fixed, CultureInfo.InvariantCulture), false);
    }

    /// <summary>What a number format code means for reading, worked out once per style rather than once per cell.</summary>
    private sealed record NumberFormat
    {
        /// <summary>General or text: the number as its shortest exact form, flagged because General hides trailing zeros.</summary>
        public bool Plain { get; init; }

        public bool Date { get; init; }

        public bool Time { get; init; }

        public bool Percent { get; init; }

        /// <summary>The .NET format of the fixed decimals ("F2").</summary>
        public string Fixed { get; init; } = "F0";

        public static readonly NumberFormat General = Of("General");

        public static NumberFormat Of(string format)
        {
            var code = Unquoted().Replace(format, "");
            if (code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@")
            {
                return new() { Plain = true };
            }

            var section = code.Split(';')[0];
            var decimals = section.Contains('.', StringComparison.Ordinal) ? section[(section.IndexOf('.', StringComparison.Ordinal) + 1)..].TakeWhile(c => c is '0' or '#' or '?').Count() : 0;
            return new()
            {
                Date = code.Contains('y', StringComparison.OrdinalIgnoreCase) || code.Contains('d', StringComparison.OrdinalIgnoreCase),
                Time = code.Contains('h', StringComparison.OrdinalIgnoreCase),
                Percent = section.Contains('%', StringComparison.Ordinal),
                Fixed = "F" + decimals.ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>Excel's last column is XFD, the 16,384th.</summary>
    private const int MaxColumns = 16_384;

    /// <summary>"C7" → 2 (zero-based column); -1 when the reference names no column Excel has.</summary>
    private static int Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (column > MaxColumns)
            {
                return -1; // beyond Excel's last column (XFD): no position to keep
            }
        }

        return column - 1;
    }

    // Literal text and bracketed parts ("[Red]", "[$-407]") of a format code, which say nothing about dates or decimals.
    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.")]
    private static partial Regex Unquoted();
}
