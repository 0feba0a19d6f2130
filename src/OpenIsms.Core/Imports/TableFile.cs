using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenIsms.Core.Imports;

/// <summary>A spreadsheet as text: a header row and data rows. Row numbers are the file's own (the header is row 1).</summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<Table.Line> Rows)
{
    /// <summary>How a text file was read ("Windows-1252 text, separated by semicolons"), for the person to check; null for a workbook.</summary>
    public string? ReadAs { get; init; }

    public sealed record Line(int Number, IReadOnlyList<string> Cells)
    {
        public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column].Trim() : "";
    }
}

/// <summary>
/// Reads CSV and XLSX, deciding by content rather than by the file's name. Text is read as what people actually save:
/// UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), or else Windows-1252 (Excel's "CSV" in most of
/// Europe); separated by commas, semicolons or tabs, or by what a first line <c>sep=;</c> names; lines ended by LF, CRLF
/// or a bare CR. The table says which encoding and separator were used.
/// </summary>
public static class TableFile
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The table, or a message saying why the file cannot be read — with the line where a CSV breaks.</summary>
    public static (Table? Table, string? Error) Read(byte[] content, string fileName)
    {
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        var isZip = content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;
        var claimsXlsx = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (isZip)
        {
            return ReadXlsx(content);
        }

        if (claimsXlsx)
        {
            return (null, $"{fileName} is named like an Excel workbook but is not one. Save it again as .xlsx, or as CSV.");
        }

        var (text, encoding) = Decode(content);
        if (text is null)
        {
            return (null, $"{fileName} is not a text (CSV) file or an Excel workbook (.xlsx).");
        }

        // Excel writes "sep=;" as a first line when asked to name the separator; it is not the header.
        var firstLine = 1;
        char? named = null;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && (text.Length == 5 || text[5] is '\r' or '\n'))
        {
            named = text[4];
            text = text[5..].TrimStart('\r').TrimStart('\n');
            firstLine = 2;
        }

        var separator = named ?? Separator(text);
        var (table, error) = ReadCsv(text, separator, firstLine);
        return (table is null ? null : table with { ReadAs = $"{encoding} text, separated by {Name(separator)}" }, error);
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

    private static (Table?, string?) ReadCsv(string text, char separator, int firstLine)
    {
        var records = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = firstLine;
        var recordLine = firstLine;
        var quoted = false;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    quoteLine = line;
                    break;
                case '"':
                    return (null, $"Line {line}: a quote (\") in the middle of a value. Put the whole value in quotes and double any quote inside it.");
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r':
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    records.Add((recordLine, cells));
                    cells = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (c == separator)
                    {
                        cells.Add(cell.ToString());
                        cell.Clear();
                    }
                    else
                    {
                        cell.Append(c);
                    }

                    break;
            }

            if (records.Count > MaxRows + 1)
            {
                return (null, $"The file has more than {MaxRows:N0} rows. Split it into smaller files.");
            }
        }

        if (quoted)
        {
            return (null, $"Line {quoteLine}: a quoted value is never closed. Check the quotes on that line.");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }

        return Build(records);
    }

    private static (Table?, string?) ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var records = new List<(int Line, List<string> Cells)>();
            // Row by row with the forward-only reader: memory follows one row, not the whole sheet's object tree.
            using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var values = new List<string>();
                foreach (var c in row.Elements<Cell>())
                {
                    var column = Column(c.CellReference?.Value);
                    while (column >= 0 && values.Count < column)
                    {
                        values.Add("");
                    }

                    values.Add(c.DataType?.Value == CellValues.SharedString && int.TryParse(c.CellValue?.Text, out var index) && index < shared.Count ? shared[index]
                        : c.DataType?.Value == CellValues.InlineString ? c.InnerText
                        : c.CellValue?.Text ?? "");
                }

                records.Add(((int)(row.RowIndex?.Value ?? (uint)(records.Count + 1)), values));
                if (records.Count > MaxRows + 1)
                {
                    return (null, $"The workbook has more than {MaxRows:N0} rows. Split it into smaller files.");
                }
            }

            return Build(records);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or InvalidOperationException or ArgumentException)
        {
            return (null, "The file looks like a ZIP package but is not an Excel workbook that can be read. Save it again as .xlsx, or as CSV.");
        }
    }

    private static (Table?, string?) Build(List<(int Line, List<string> Cells)> records)
    {
        records.RemoveAll(r => r.Cells.All(string.IsNullOrWhiteSpace));
        if (records.Count == 0)
        {
            return (null, "The file has no rows.");
        }

        var header = records[0].Cells.Select(h => h.Trim()).ToList();
        if (header.All(string.IsNullOrWhiteSpace))
        {
            return (null, "The first row must name the columns.");
        }

        return (new Table(header, records.Skip(1).Select(r => new Table.Line(r.Line, r.Cells)).ToList()), null);
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
}
