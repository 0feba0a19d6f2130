using System.Text;
using Sylvan.Data.Csv;

namespace OpenIsms.Core.Imports;

/// <summary>
/// A register as text: the header and the data rows below it. Row numbers are those a spreadsheet shows, so a person
/// can find a reported row. <see cref="Notes"/> says how the file was read, for the person to check.
/// </summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<Table.Line> Rows)
{
    /// <summary>How a text file was read ("Windows-1252 text, separated by semicolons"); null for a workbook.</summary>
    public string? ReadAs { get; init; }

    /// <summary>The workbook's sheets (none for a text file) and the one read.</summary>
    public IReadOnlyList<string> Sheets { get; init; } = [];

    public string? Sheet { get; init; }

    /// <summary>The row the header was found on (the lower one, for a two-row header).</summary>
    public int HeaderRow { get; init; } = 1;

    /// <summary>What was skipped or combined to find the table: title rows, a two-row header, lines below the table.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public sealed record Line(int Number, IReadOnlyList<string> Cells)
    {
        /// <summary>Columns whose workbook cell holds a number shown in the General format, which hides trailing zeros (5.30 shows as 5.3).</summary>
        public IReadOnlySet<int>? PlainNumbers { get; init; }

        public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column].Trim() : "";

        public bool IsPlainNumber(int column) => PlainNumbers?.Contains(column) == true;
    }
}

/// <summary>Which part of a file holds the register, when the person chooses rather than the reader.</summary>
public sealed record TableLayout(string? Sheet = null, int? HeaderRow = null);

/// <summary>
/// Reads CSV and XLSX, deciding by content rather than by the file's name. Text is read as what people actually save:
/// UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), or else Windows-1252 (Excel's "CSV" in most of
/// Europe); separated by commas, semicolons or tabs, or by what a first line <c>sep=;</c> names. Workbooks are read sheet by
/// sheet as Excel shows the cells. In both, the table is found below title rows and above footers.
/// </summary>
public static class TableFile
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The table, or a message saying why the file cannot be read — with the row where a CSV breaks.</summary>
    public static (Table? Table, string? Error) Read(byte[] content, string fileName, TableLayout? layout = null)
    {
        layout ??= new TableLayout();
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        var isZip = content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;
        if (isZip)
        {
            return Workbook.Read(content, layout);
        }

        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{fileName} is named like an Excel workbook but is not one. Save it again as .xlsx, or as CSV.");
        }

        var (text, encoding) = Decode(content);
        if (text is null)
        {
            return (null, $"{fileName} is not a text (CSV) file or an Excel workbook (.xlsx).");
        }

        // Excel writes "sep=;" as a first line when asked to name the separator; it is not the header, and Excel hides it.
        char? named = null;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && (text.Length == 5 || text[5] is '\r' or '\n'))
        {
            named = text[4];
            text = text[5..].TrimStart('\r').TrimStart('\n');
        }

        var separator = named ?? Separator(text);
        var (records, error) = ReadCsv(text, separator);
        if (records is null)
        {
            return (null, error);
        }

        var (table, buildError) = Build(records, layout);
        return (table is null ? null : table with { ReadAs = $"{encoding} text, separated by {Name(separator)}" }, buildError);
    }

    /// <summary>The text and the name of its encoding; null text for binary content.</summary>
    private static (string? Text, string Encoding) Decode(byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(content, 2, content.Length - 2), "UTF-16");
        }

        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2), "UTF-16");
        }

        if (content.Contains((byte)0))
        {
            return (null, "");
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF'), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Excel's "CSV" outside the UTF-8 option is the Windows code page, 1252 in Western Europe.
            return (Windows1252.GetString(content), "Windows-1252");
        }
    }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The separator the header line uses most, outside quotes: comma, semicolon or tab (comma when none).</summary>
    private static char Separator(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }

        return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    private static string Name(char separator) => separator switch
    {
        ',' => "commas",
        ';' => "semicolons",
        '\t' => "tabs",
        _ => $"\"{separator}\"",
    };

    /// <summary>Every record with its row number, by Sylvan's RFC 4180 reader; a malformed quote is reported with its row.</summary>
    private static (List<(int Row, List<string> Cells, HashSet<int>? Numbers)>?, string?) ReadCsv(string text, char separator)
    {
        var records = new List<(int, List<string>, HashSet<int>?)>();
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = separator,
            // No comment lines: a register row may well start with '#'.
            Comment = '\0',
            CsvStyle = CsvStyle.Standard,
            MaxBufferSize = 4 * 1024 * 1024,
        };
        try
        {
            using var reader = CsvDataReader.Create(new StringReader(text), options);
            while (reader.Read())
            {
                // Sylvan counts records as a spreadsheet counts rows: an empty line is one, a quoted value over two lines is not.
                var row = reader.RowNumber;
                var cells = new List<string>(reader.RowFieldCount);
                for (var i = 0; i < reader.RowFieldCount; i++)
                {
                    cells.Add(reader.GetString(i));
                }

                records.Add((row, cells, null));
                if (records.Count > MaxRows + 50)
                {
                    return (null, $"The file has more than {MaxRows:N0} rows. Split it into smaller files.");
                }
            }
        }
        catch (CsvFormatException ex)
        {
            return (null, $"Row {ex.RowNumber}: a quote (\") is out of place, or a quoted value is never closed. Put the whole value in quotes and double any quote inside it.");
        }

        return (records, null);
    }

    /// <summary>Finds the table among the records: the header below any title rows (two rows combined where the upper one groups the lower), and the data down to the first gap after which nothing table-like follows.</summary>
    internal static (Table?, string?) Build(List<(int Row, List<string> Cells, HashSet<int>? Numbers)> records, TableLayout layout, IReadOnlyList<string>? sheets = null, string? sheet = null)
    {
        static int Filled(List<string> cells) => cells.Count(c => !string.IsNullOrWhiteSpace(c));
        var notes = new List<string>();
        var nonEmpty = records.Where(r => Filled(r.Cells) > 0).ToList();
        if (nonEmpty.Count == 0)
        {
            return (null, sheet is null ? "The file has no rows." : $"The sheet \"{sheet}\" has no rows.");
        }

        // The header: the row the person named, or the first of the top rows that fills at least half as many cells as the widest.
        int headerIndex;
        if (layout.HeaderRow is { } chosen)
        {
            headerIndex = records.FindIndex(r => r.Row == chosen);
            if (headerIndex < 0 || Filled(records[headerIndex].Cells) == 0)
            {
                return (null, $"Row {chosen} is empty: choose the row that names the columns.");
            }
        }
        else
        {
            var top = nonEmpty.Take(30).ToList();
            var widest = top.Max(r => Filled(r.Cells));
            var header = top.First(r => Filled(r.Cells) >= Math.Max(widest == 1 ? 1 : 2, (widest + 1) / 2));
            headerIndex = records.IndexOf(header);
            var skipped = records.Take(headerIndex).Where(r => Filled(r.Cells) > 0).ToList();
            if (skipped.Count > 0)
            {
                notes.Add($"The header is on row {header.Row}; {(skipped.Count == 1 ? $"row {skipped[0].Row} above it was" : $"rows {skipped[0].Row}–{skipped[^1].Row} above it were")} skipped as a title.");
            }
        }

        var headerCells = records[headerIndex].Cells.Select(h => h.Trim()).ToList();
        var headerRow = records[headerIndex].Row;

        // A two-row header: the upper row groups ("Inherent", "Residual") over the lower's names ("Likelihood", "Impact").
        var nextIndex = records.FindIndex(headerIndex + 1, r => Filled(r.Cells) > 0);
        if (layout.HeaderRow is null && nextIndex > 0 && nextIndex == headerIndex + 1 && IsLowerHeader(headerCells, records[nextIndex]))
        {
            var lower = records[nextIndex].Cells;
            var group = "";
            var combined = new List<string>();
            for (var i = 0; i < Math.Max(headerCells.Count, lower.Count); i++)
            {
                var upper = i < headerCells.Count ? headerCells[i] : "";
                group = upper.Length > 0 ? upper : group;
                var name = i < lower.Count ? lower[i].Trim() : "";
                combined.Add(name.Length == 0 ? group : group.Length == 0 || upper.Length > 0 && name.Length == 0 ? name : $"{group} {name}");
            }

            headerCells = combined;
            notes.Add($"Rows {headerRow} and {records[nextIndex].Row} are read together as the header (\"{combined.FirstOrDefault(c => c.Contains(' ', StringComparison.Ordinal)) ?? combined[0]}\").");
            headerRow = records[nextIndex].Row;
            headerIndex = nextIndex;
        }

        if (headerCells.All(string.IsNullOrWhiteSpace))
        {
            return (null, "The first row must name the columns.");
        }

        // The data: every filled row below the header, less the lines at the end that are notes rather than records
        // (totals, "approved by", a legend): sparse lines after a blank row, or sparse lines that read like a note.
        var width = headerCells.Count(h => h.Length > 0);
        var body = new List<(Table.Line Line, bool AfterGap, bool Sparse, bool NoteLike)>();
        var gap = false;
        foreach (var record in records.Skip(headerIndex + 1))
        {
            var filled = Filled(record.Cells);
            if (filled == 0)
            {
                gap = body.Count > 0;
                continue;
            }

            body.Add((new Table.Line(record.Row, record.Cells) { PlainNumbers = record.Numbers }, gap, width >= 3 && filled * 2 < width && filled <= 3, FootLike(record.Cells)));
            gap = false;
        }

        var start = body.Count;
        while (start > 0 && body[start - 1].Sparse)
        {
            start--;
            if (body[start].AfterGap)
            {
                break;
            }
        }

        var end = body.Count;
        if (start < body.Count && body[start].AfterGap)
        {
            end = start;
        }
        else
        {
            while (end > 0 && body[end - 1].Sparse && body[end - 1].NoteLike)
            {
                end--;
            }
        }

        var rows = body.Take(end).Select(b => b.Line).ToList();
        var ignored = body.Skip(end).Select(b => b.Line.Number).ToList();
        if (ignored.Count > 0)
        {
            notes.Add(ignored.Count == 1 ? $"Row {ignored[0]} below the table is not part of it and was ignored." : $"{ignored.Count} rows below the table ({ignored[0]}–{ignored[^1]}) are not part of it and were ignored.");
        }

        if (rows.Count > MaxRows)
        {
            return (null, $"The file has more than {MaxRows:N0} rows. Split it into smaller files.");
        }

        return (new Table(headerCells, rows) { HeaderRow = headerRow, Notes = notes, Sheets = sheets ?? [], Sheet = sheet }, null);
    }

    /// <summary>The lower row of a two-row header: the upper has gaps that the lower fills, and the lower is words, not data.</summary>
    private static bool IsLowerHeader(List<string> upper, (int Row, List<string> Cells, HashSet<int>? Numbers) lower)
    {
        var gaps = Enumerable.Range(0, lower.Cells.Count).Count(i => (i >= upper.Count || upper[i].Length == 0) && lower.Cells[i].Trim().Length > 0);
        var words = lower.Cells.Where(c => c.Trim().Length > 0).All(c => c.Trim().Length <= 40 && !double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        var filledBelowNamed = Enumerable.Range(0, Math.Min(upper.Count, lower.Cells.Count)).Count(i => upper[i].Length > 0 && lower.Cells[i].Trim().Length > 0);
        return gaps > 0 && words && (lower.Numbers is null || lower.Numbers.Count == 0) && filledBelowNamed > 0 && upper.Count(u => u.Length > 0) < lower.Cells.Count(c => c.Trim().Length > 0);
    }

    /// <summary>A sparse line that reads like a note under a table rather than a record: long text, or a label with a colon.</summary>
    private static bool FootLike(List<string> cells)
    {
        var text = string.Join(" ", cells.Where(c => c.Trim().Length > 0)).Trim();
        return text.Contains(':', StringComparison.Ordinal) || text.StartsWith("Total", StringComparison.OrdinalIgnoreCase) || text.StartsWith('*') || text.StartsWith('©');
    }
}
