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
    public void ASepLine_NamesTheSeparator_AndIsNotTheHeader_AndRowsAreNumberedAsExcelShowsThem()
    {
        var table = Read(Encoding.UTF8.GetBytes("sep=;\r\nId;Title, long\r\nR-1;Phishing\r\n"));

        table.Header.ShouldBe(["Id", "Title, long"]);
        table.Rows.Single().Number.ShouldBe(2, "Excel hides the sep= line, so the header is its row 1");
        table.ReadAs.ShouldBe("UTF-8 text, separated by semicolons");
    }

    [Fact]
    public void BareCarriageReturns_EndLines_AndAValueOverTwoLinesIsOneRow()
    {
        var table = Read(Encoding.UTF8.GetBytes("Id,Title\rR-1,\"Two\rlines\"\rR-2,Three\r"));

        table.Rows.Select(r => (r.Number, r[0])).ShouldBe([(2, "R-1"), (3, "R-2")]);
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

/// <summary>Where the table is: below title rows, a two-row header, above footers; in the workbook sheet that holds it.</summary>
public class TableLayoutTests
{
    private static Table Read(byte[] content, string name = "register.csv", TableLayout? layout = null)
    {
        var (table, error) = TableFile.Read(content, name, layout);
        error.ShouldBeNull();
        return table!;
    }

    private static Table Csv(string text) => Read(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    [Fact]
    public void TitleRowsAboveTheHeader_AreSkipped_AndSaidSo()
    {
        var table = Csv("Risk register 2026\n\"Owner: ISMS manager, approved 2026-03-01\"\n\nId,Title,Owner,Likelihood\nR-1,Phishing,Ann,3\nR-2,Outage,Bob,2\n");

        table.Header.ShouldBe(["Id", "Title", "Owner", "Likelihood"]);
        table.HeaderRow.ShouldBe(4);
        table.Rows.Select(r => (r.Number, r[0])).ShouldBe([(5, "R-1"), (6, "R-2")]);
        table.Notes.ShouldContain(n => n.Contains("header is on row 4", StringComparison.Ordinal));
    }

    [Fact]
    public void ATwoRowHeader_IsReadAsOne()
    {
        var table = Csv("Risk,,Inherent,,Residual,\nId,Title,Likelihood,Impact,Likelihood,Impact\nR-1,Phishing,4,5,2,3\n");

        table.Header.ShouldBe(["Risk Id", "Risk Title", "Inherent Likelihood", "Inherent Impact", "Residual Likelihood", "Residual Impact"]);
        table.Rows.Single()[4].ShouldBe("2");
    }

    [Fact]
    public void FootersBelowTheTable_AreNotRows_ButASparseRecordIsKept()
    {
        var table = Csv("Control,Name,Applicable,Justification\nA.5.1,Policies,Yes,Needed\nA.5.2,,Yes,\n\nApproved by: CISO,,,\nVersion 3,,,\n");

        table.Rows.Select(r => r[0]).ShouldBe(["A.5.1", "A.5.2"]);
        table.Notes.ShouldContain("2 rows below the table (5–6) are not part of it and were ignored.");
    }

    [Fact]
    public void ARowStartingWithAHash_IsARow_NotAComment()
    {
        Csv("Id,Title\n#1,First\n").Rows.Single()[0].ShouldBe("#1");
    }

    [Fact]
    public void AnUnclosedQuote_IsReportedWithItsRow()
    {
        var (_, error) = TableFile.Read(Encoding.UTF8.GetBytes("ID,Name,Type\nX1,\"Unclosed,Software\nX2,Fine,Hardware\n"), "x.csv");

        error.ShouldNotBeNull().ShouldStartWith("Row 2:");
    }

    [Fact]
    public void AStrayQuote_IsReportedWithItsRow()
    {
        var (table, error) = TableFile.Read(Encoding.UTF8.GetBytes("Id,Title\nR-1,Fine\nR-2,\"Broken\"tail\n"), "x.csv");

        table.ShouldBeNull();
        error.ShouldNotBeNull().ShouldStartWith("Row 3:");
    }

    [Fact]
    public void AWorkbookWithACoverSheet_OpensOnTheRegister_AndOffersEverySheet()
    {
        var bytes = TestWorkbook.Create(
            ("Cover", [["Statement of Applicability"], ["Version 2"]]),
            ("SoA", [["Control", "Name", "Applicable"], ["A.5.1", "Policies for information security", "Yes"], ["A.5.2", "Information security roles and responsibilities", "Yes"]]));

        var table = Read(bytes, "soa.xlsx");

        table.Sheets.ShouldBe(["Cover", "SoA"]);
        table.Sheet.ShouldBe("SoA");
        table.Rows.Count.ShouldBe(2);
        Read(bytes, "soa.xlsx", new TableLayout("Cover")).Header.ShouldBe(["Statement of Applicability"]);
    }

    [Fact]
    public void WorkbookCells_ReadAsExcelShowsThem()
    {
        var bytes = TestWorkbook.Create(("Register", [
            ["Id", "Decimal", "Date", "Formula", "Count"],
            [8.1999999999999993, new TestWorkbook.Formatted(5.3, 2), new TestWorkbook.Formatted(46203, 14), new TestWorkbook.Formula("A2&\"x\"", "8.2x"), 4.0],
            [new TestWorkbook.Formatted(5.3, 164, "0.00"), new TestWorkbook.Formatted(0.25, 9), new TestWorkbook.Formatted(46204, 165, "dd/mm/yyyy"), "text", 12.0],
        ]));

        var table = Read(bytes, "register.xlsx");

        table.Rows[0].Cells.ShouldBe(["8.2", "5.30", "2026-06-30", "8.2x", "4"]);
        table.Rows[0].IsPlainNumber(0).ShouldBeTrue("a General number hides trailing zeros");
        table.Rows[0].IsPlainNumber(1).ShouldBeFalse();
        table.Rows[1].Cells.ShouldBe(["5.30", "25%", "2026-07-01", "text", "12"]);
    }

    [Fact]
    public void SheetXml_AsOtherProgramsWriteIt_IndentedWithoutReferencesAndEmptyCells_IsReadAsShown()
    {
        // Indented XML, rows and cells without references, empty cells and values, inline text in runs over lines,
        // a reference beyond Excel's last column.
        var bytes = TestWorkbook.Raw("""
                <row>
                  <c t="inlineStr"><is><t>Id</t></is></c>
                  <c t="inlineStr"><is><t>Title</t></is></c>
                  <c t="inlineStr"><is><t>Status</t></is></c>
                </row>
                <row>
                  <c t="inlineStr"><is><t>A.5.1</t></is></c>
                  <c t="inlineStr">
                    <is>
                      <r><t xml:space="preserve">Policies </t></r>
                      <r><t>for security</t></r>
                      <rPh sb="0" eb="1"><t>ポリシー</t></rPh>
                    </is>
                  </c>
                  <c t="inlineStr"><is><t>Done</t></is></c>
                </row>
                <row r="4">
                  <c r="A4" t="inlineStr"><is><t>A.5.2</t></is></c>
                  <c r="B4"/>
                  <c r="C4"><v/></c>
                  <c r="ZZZZZZZ4" t="inlineStr"><is><t>stray</t></is></c>
                </row>
                <row r="5">
                  <c r="A5" t="inlineStr"><is><t>A.5.3</t></is></c>
                  <c r="B5" t="inlineStr"><is><t>Roles</t></is></c>
                  <c r="C5">
                    <v>3</v>
                  </c>
                </row>
            """);

        var table = Read(bytes, "register.xlsx");

        table.Header.ShouldBe(["Id", "Title", "Status"]);
        table.Rows[0].Cells.ShouldBe(["A.5.1", "Policies for security", "Done"], "layout whitespace between runs is not text; phonetic hints are not text");
        table.Rows[1].Number.ShouldBe(4);
        table.Rows[1].Cells.Take(3).ShouldBe(["A.5.2", "", ""]);
        table.Rows[2].Cells.ShouldBe(["A.5.3", "Roles", "3"]);
    }

    [Fact]
    public void InlineText_InRuns_AndTrueFalse_AreReadAsShown_AndGapsKeepTheirColumns()
    {
        var bytes = TestWorkbook.Create(("Register", [
            ["Id", "Title", "Applicable", "Note"],
            ["A.5.1", new TestWorkbook.Inline("Policies ", "for security"), true, null],
            ["A.5.2", null, false, "last"],
        ]));

        var table = Read(bytes, "register.xlsx");

        table.Rows[0].Cells.Take(3).ShouldBe(["A.5.1", "Policies for security", "TRUE"], "phonetic hints are not text");
        table.Rows[1].Cells.ShouldBe(["A.5.2", "", "FALSE", "last"]);
    }
}
