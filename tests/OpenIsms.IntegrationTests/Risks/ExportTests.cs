using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OpenIsms.IntegrationTests.Risks;

/// <summary>The register and the plan as files an auditor opens: read back cell by cell and paragraph by paragraph.</summary>
public abstract class ExportTests(AppFactory app)
{
    private async Task<string> RecordAssessedRisk(TestClient client, string reference, string title)
    {
        await Methodology.EnsureApproved(app);
        var owner = await app.UserId(Roles.IsmsManager);
        var created = await client.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = reference, ["Input.Title"] = title, ["Input.OwnerId"] = owner });
        var url = created.LocationPath().Split('?')[0];
        (await client.Submit(await client.Page(url), ".assess-form", RiskFlowTests.Rating(4, [5, 1, 1, 1, 1], 2, [3, 1, 1, 1, 1]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.Submit(await client.Page(url), "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Mitigate", ["Input.TreatmentRationale"] = "Worth it, \"clearly\"." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.Submit(await client.Page(url), "#actions form", new Dictionary<string, string?> { ["Input.Title"] = $"Fix {reference}", ["Input.OwnerId"] = owner, ["Input.Due"] = "2027-01-31" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return url;
    }

    [Fact]
    public async Task RegisterAndPlan_ExportToCsvXlsxAndDocx()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        await RecordAssessedRisk(manager, "EXP-1", "=HYPERLINK(\"http://evil\") in a title, with a comma");
        await RecordAssessedRisk(manager, "EXP-2", "Second exported risk");

        var csv = await manager.Get("/risks/export.csv?q=EXP-");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileName!.ShouldContain("risk-register");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[0].ShouldStartWith("Identifier,Title,Description,Owner");
        lines.Count.ShouldBe(3);
        lines[1].ShouldStartWith("EXP-1,\"'=HYPERLINK(\"\"http://evil\"\") in a title, with a comma\"");
        lines[1].ShouldContain(",4,5,20,Critical,2,3,6,Medium,Mitigate,");

        await using (var xlsx = new MemoryStream(await (await manager.Get("/risks/export.xlsx?q=EXP-")).Content.ReadAsByteArrayAsync()))
        using (var book = SpreadsheetDocument.Open(xlsx, false))
        {
            // A controlled document: the document-control sheet first, then the register.
            var workbook = book.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            sheets.Select(x => x.Name!.Value).ShouldBe(["Document control", "Risk register"]);
            var control = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Row>().Select(r => string.Join(" | ", r.Elements<Cell>().Select(c => c.InnerText))).ToList();
            control.ShouldContain("Title | Risk register — Acme Test Ltd");
            control.ShouldContain(l => l.StartsWith("Classification | ", StringComparison.Ordinal) && !l.EndsWith("Not recorded in OpenIsms", StringComparison.Ordinal));
            var sheet = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
            var rows = sheet.Descendants<Row>().ToList();
            rows.Count.ShouldBe(3);
            string Cell(Row row, int index) => row.Elements<Cell>().ElementAt(index) is var c && c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "";
            Cell(rows[0], 0).ShouldBe("Identifier");

            // Bold header kept in view, filters on, widths set, statuses as words and dates as dates.
            var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
            fonts[(int)formats[(int)rows[0].Elements<Cell>().First().StyleIndex!.Value].FontId!.Value].Bold.ShouldNotBeNull();
            sheet.Descendants<Pane>().Single().State!.Value.ShouldBe(PaneStateValues.Frozen);
            sheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldBe("A1:AA3");
            sheet.Descendants<Column>().Count().ShouldBe(rows[0].Elements<Cell>().Count());
            var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            Cell(rows[2], header.IndexOf("Status")).ShouldBe("In treatment");
            var review = rows[2].Elements<Cell>().ElementAt(header.IndexOf("Next review"));
            review.DataType.ShouldBeNull("a date is a number in a date format, not text");
            formats[(int)review.StyleIndex!.Value].NumberFormatId!.Value.ShouldBe(164u);
            double.Parse(review.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(45000);
            Cell(rows[2], 0).ShouldBe("EXP-2");
            Cell(rows[2], 1).ShouldBe("Second exported risk");
            Cell(rows[2], 10).ShouldBe("20"); // inherent score, a number cell
            rows[2].Elements<Cell>().ElementAt(10).DataType!.Value.ShouldBe(CellValues.Number);
            Cell(rows[2], 15).ShouldBe("Medium");
            Cell(rows[2], header.IndexOf("Inherent impact by area")).ShouldBe("Financial 5, Operational 1, Reputational 1, Legal and regulatory 1, Health and safety 1");
            Cell(rows[2], header.IndexOf("Residual impact by area")).ShouldBe("Financial 3, Operational 1, Reputational 1, Legal and regulatory 1, Health and safety 1");
        }

        await using (var docx = new MemoryStream(await (await manager.Get("/risks/treatment-plan.docx?q=EXP-")).Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(docx, false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var title = body.Elements<W.Paragraph>().First();
            title.InnerText.ShouldStartWith("Risk treatment plan — Acme Test Ltd");
            title.ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Title", "Word's own styles, so a template restyles it");
            var tables = body.Elements<W.Table>().ToList();
            tables.Count.ShouldBe(2, "the document-control table, then the plan");
            tables[0].InnerText.ShouldContain("Document id");
            var table = tables[1];
            table.GetFirstChild<W.TableProperties>()!.TableStyle!.Val!.Value.ShouldBe("TableGrid");
            var rows = table.Elements<W.TableRow>().ToList();
            rows.Count.ShouldBe(3);
            rows[0].InnerText.ShouldContain("Annex A control");
            rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>().ShouldNotBeNull("the header row repeats on every page");
            body.Elements<W.SectionProperties>().Single().GetFirstChild<W.PageSize>()!.Orient!.Value.ShouldBe(W.PageOrientationValues.Landscape);
            word.MainDocumentPart.FooterParts.Single().Footer.Descendants<W.SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ShouldBe(["PAGE", "NUMPAGES"]);
            rows.Skip(1).Select(r => r.Elements<W.TableCell>().ElementAt(2).InnerText).ShouldBe(["Fix EXP-1", "Fix EXP-2"], ignoreOrder: true);
        }

        var planCsv = await (await manager.Get("/risks/treatment-plan.csv?q=EXP-")).Content.ReadAsStringAsync();
        planCsv.ShouldContain("Fix EXP-2");

        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/risks/export.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = app.NewClient();
        (await anonymous.Get("/risks/export.csv")).LocationPath().ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task ThePlan_SaysWhatEachActionNeeds_TheResidualRiskAndItsAcceptance_AndListsRisksTreatedWithoutActions()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var url = await RecordAssessedRisk(manager, "PLN-1", "Mitigated with an action");
        var action = (await manager.Page(url)).QuerySelector("#actions a[href*='/actions/']")!.GetAttribute("href")!;
        var edit = await manager.Page(action);
        (await manager.Submit(edit, "main form", new Dictionary<string, string?> { ["Input.Resources"] = "3 days of IT operations" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Page(url)).QuerySelector("#actions")!.TextContent.ShouldContain("Resources: 3 days of IT operations");

        // A risk accepted as it is: no action, the owner's sign-off.
        var owner = await app.UserId(Roles.IsmsManager);
        var accepted = (await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = "PLN-2", ["Input.Title"] = "Accepted as it is", ["Input.OwnerId"] = owner }))
            .LocationPath().Split('?')[0];
        (await manager.Submit(await manager.Page(accepted), ".assess-form", RiskFlowTests.Rating(1, [2, 1, 1, 1, 1], 1, [2, 1, 1, 1, 1]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Submit(await manager.Page(accepted), "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Accept", ["Input.TreatmentRationale"] = "Too small to treat." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Submit(await manager.Page(accepted), "#acceptance form", new Dictionary<string, string?> { ["Input.AcceptanceNote"] = "Accepted at the review." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var csv = (await (await manager.Get("/risks/treatment-plan.csv?q=PLN-")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Risk,Risk title,Action,Owner,Due,Status,Annex A control,Treatment,Resources,Residual risk,Residual risk accepted by,Accepted on,Acceptance valid until");
        lines[1].ShouldStartWith("PLN-1,Mitigated with an action,Fix PLN-1,");
        lines[1].ShouldContain(",Mitigate,3 days of IT operations,Medium (score 6),,,");
        lines[2].ShouldStartWith("PLN-2,Accepted as it is,,,,,,Accept,,Low (score 2),");
        lines[2].ShouldContain($"{Roles.IsmsManager} user");
        lines.Length.ShouldBe(3);
        (await (await manager.Get("/risks/treatment-plan.csv?q=PLN-&status=Planned")).Content.ReadAsStringAsync()).ShouldNotContain("PLN-2", customMessage: "a plan narrowed to some actions lists only those");

        // The plan's own export imports back: the accepted risk's row is said to hold no action, and nothing changes.
        var mapping = await Imports.ImportTests.UploadOk(manager, "/risks/treatment-plan/import", "plan.csv", csv);
        var report = await TestClient.Parse(await Imports.ImportTests.Map(manager, mapping, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        report.QuerySelectorAll("#report tbody tr").ShouldBeEmpty();
        report.QuerySelector("main")!.TextContent.ShouldContain("1 row(s) name a risk and no action");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ExportTestsOnPostgreSql(PostgresApp app) : ExportTests(app.App), IClassFixture<PostgresApp>;
