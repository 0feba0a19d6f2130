using System.Text;
using OpenIsms.Core.Imports;

namespace OpenIsms.UnitTests.Imports;

/// <summary>Text registers as people save them: the encodings and separators Excel writes, and line ends of every kind.</summary>
public class TableFileTests
{
    private static Table Read(byte[] content, string name = "register.csv")
    {
        var (table, error) = TableFile.Read(content, name);
        error.ShouldBeNull();
        return table!;
    }

    [Fact]
    public void ExcelsEuropeanCsv_Windows1252WithSemicolonsAndCrlf_IsRead_AndSaysSo()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Id;Maßnahme;Status\r\nA.5.1;Übertragen;Umgesetzt\r\n");

        var table = Read(bytes);

        table.Header.ShouldBe(["Id", "Maßnahme", "Status"]);
        table.Rows.Single().Cells.ShouldBe(["A.5.1", "Übertragen", "Umgesetzt"]);
        table.ReadAs.ShouldBe("Windows-1252 text, separated by semicolons");
    }

    [Fact]
    public void ExcelsUnicodeText_Utf16WithTabs_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Id\tTitle\r\nR-1\tRansomware, on the file server\r\n")).ToArray();

        var table = Read(bytes, "register.txt");

        table.Header.ShouldBe(["Id", "Title"]);
        table.Rows.Single().Cells.ShouldBe(["R-1", "Ransomware, on the file server"]);
        table.ReadAs.ShouldBe("UTF-16 text, separated by tabs");
    }

    [Fact]
    public void ASepLine_NamesTheSeparator_AndIsNotTheHeader_AndRowsKeepTheFilesLineNumbers()
    {
        var table = Read(Encoding.UTF8.GetBytes("sep=;\r\nId;Title, long\r\nR-1;Phishing\r\n"));

        table.Header.ShouldBe(["Id", "Title, long"]);
        table.Rows.Single().Number.ShouldBe(3);
        table.ReadAs.ShouldBe("UTF-8 text, separated by semicolons");
    }

    [Fact]
    public void BareCarriageReturns_EndLines()
    {
        var table = Read(Encoding.UTF8.GetBytes("Id,Title\rR-1,\"Two\rlines\"\rR-2,Three\r"));

        table.Rows.Select(r => (r.Number, r[0])).ShouldBe([(2, "R-1"), (4, "R-2")]);
        table.Rows[0][1].ShouldBe("Two\rlines");
    }

    [Fact]
    public void Utf8WithBom_AndCommasInQuotes_StayAsBefore()
    {
        var table = Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Id,Title\n\"R-1\",\"a; b; c\"\n")).ToArray());

        table.Rows.Single().Cells.ShouldBe(["R-1", "a; b; c"]);
        table.ReadAs.ShouldBe("UTF-8 text, separated by commas");
    }

    [Fact]
    public void BinaryContent_WithoutAUtf16Mark_IsRefused()
    {
        TableFile.Read([0x01, 0x00, 0x02, 0x00], "x.csv").Error.ShouldBe("x.csv is not a text (CSV) file or an Excel workbook (.xlsx).");
    }
}
