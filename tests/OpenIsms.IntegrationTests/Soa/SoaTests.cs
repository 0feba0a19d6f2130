using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Soa;

/// <summary>The Statement of Applicability: decisions and their rules, warnings, approval into numbered versions, the diff.</summary>
public abstract class SoaTests(AppFactory app)
{
    private static Task<HttpResponseMessage> Decide(TestClient client, string code, string applicable, string? justification = null, string? reason = "BestPractice") =>
        client.SubmitAt($"/soa/{code}", "main form", new Dictionary<string, string?>
        {
            ["Input.Applicable"] = applicable, ["Input.ExclusionJustification"] = justification, ["Input.Reasons"] = applicable == "yes" ? reason : null,
        });

    [Fact]
    public async Task Decide_Warn_Approve_AndDiffExactlyTheChange()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);

        // An exclusion needs its justification, beside the field.
        var refused = await Decide(manager, "A.8.28", "no");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(refused)).QuerySelector("#f-ExclusionJustification")!.Closest(".field")!.TextContent.ShouldContain("Say why this control is not applicable");

        // A risk plans on A.8.13; excluding A.8.13 raises a warning.
        await Risks.Methodology.EnsureApproved(app);
        var backup = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Requirement>().Where(r => r.Code == "A.8.13").Select(r => r.Id).SingleAsync());
        (await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = "SOA-R1", ["Input.Title"] = "Backups cannot be restored", ["Input.OwnerId"] = await app.UserId(Roles.IsmsManager), ["Input.ControlIds"] = backup.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Decide(manager, "A.8.13", "no", "We keep no data.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Page("/soa?decision=warnings")).QuerySelector("tr#A\\.8\\.13")!.TextContent.ShouldContain("Excluded, but the treatment of SOA-R1 depends on it");

        // Approval needs every control decided.
        var soa = await manager.Page("/soa");
        (await (await manager.Submit(soa, "form.approve-bar", new Dictionary<string, string?>())).Text()).ShouldContain("not decided yet");

        (await Decide(manager, "A.8.28", "no", "We develop no software.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Bulk: an exclusion without a justification is refused for all; then every undecided row becomes applicable.
        var bulkRefused = await manager.Submit(await manager.Page("/soa"), "form#bulk", new Dictionary<string, string?> { ["BulkDecision"] = "exclude", ["BulkAllUndecided"] = "true" });
        (await bulkRefused.Text()).ShouldContain("Say why this control is not applicable");
        (await manager.Submit(await manager.Page("/soa"), "form#bulk", new Dictionary<string, string?> { ["BulkDecision"] = "BestPractice", ["BulkAllUndecided"] = "true" }))
            .LocationPath().ShouldBe("/soa?done=saved");
        (await manager.Page("/soa?decision=undecided")).QuerySelectorAll("tbody tr").Length.ShouldBe(0);

        (await Decide(manager, "A.8.13", "yes", reason: null)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "risk treatment is reason enough");
        soa = await manager.Page("/soa");
        var approved = await manager.Submit(soa, "form.approve-bar", new Dictionary<string, string?> { ["ApproveNote"] = "First statement." });
        approved.LocationPath().ShouldStartWith("/soa/versions/1");
        var v1 = await manager.Page("/soa/versions/1");
        v1.QuerySelectorAll("tbody tr").Length.ShouldBe(93);
        v1.QuerySelector("main")!.TextContent.ShouldContain("We develop no software.");

        // Version 1 as the files an auditor receives: every row and column, the approver and the date.
        await using (var xlsx = new MemoryStream(await (await manager.Get("/soa/export.xlsx?version=1")).Content.ReadAsByteArrayAsync()))
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false))
        {
            var sheet = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.WorkbookPart!.GetPartById(book.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Last().Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
            sheet[0][0].ShouldBe("Control");
            sheet[0].Count.ShouldBe(12);
            var excluded = sheet.Single(r => r.Count > 0 && r[0] == "A.8.28");
            (excluded[3], excluded[7], excluded[8]).ShouldBe(("Not applicable", "We develop no software.", "Not applicable"));
            sheet.Single(r => r.Count > 0 && r[0] == "A.8.13")[6].ShouldBe("SOA-R1");
            sheet.Count(r => r.Count > 0 && r[0].StartsWith("A.", StringComparison.Ordinal)).ShouldBe(93);
            sheet.Count.ShouldBe(94, "the table only: the approval is in the document-control sheet, not below the table");
        }

        await using (var docx = new MemoryStream(await (await manager.Get("/soa/export.docx?version=1")).Content.ReadAsByteArrayAsync()))
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ElementAt(1).InnerText.ShouldContain("Version 1, approved by ISMS manager user");
            var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
            tables[0].InnerText.ShouldContain("Approved byISMS manager user");
            tables[1].Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count().ShouldBe(94);
        }

        // Change one row: the draft differs from version 1 in exactly that.
        (await Decide(manager, "A.8.28", "no", "We develop no software; configuration is done by the supplier.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var diff = await manager.Page("/soa/compare?fromNumber=1");
        var rows = diff.QuerySelectorAll("tbody tr").ToList();
        rows.Count.ShouldBe(1);
        rows[0].TextContent.ShouldContain("A.8.28");
        rows[0].TextContent.ShouldContain("Justification for exclusion");
        rows[0].QuerySelector(".after")!.TextContent.ShouldBe("We develop no software; configuration is done by the supplier.");

        (await manager.Submit(await manager.Page("/soa"), "form.approve-bar", new Dictionary<string, string?>())).LocationPath().ShouldStartWith("/soa/versions/2");
        (await manager.Page("/soa/compare?fromNumber=1&toNumber=2")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        (await manager.Page("/soa/versions/1")).QuerySelector("main")!.TextContent.ShouldContain("We develop no software.", customMessage: "version 1 stays as it was");

        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/soa/A.5.1")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Page("/soa")).QuerySelectorAll("main form[method=post]").Length.ShouldBe(0);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class SoaTestsOnSqlite(SqliteApp app) : SoaTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class SoaTestsOnPostgreSql(PostgresApp app) : SoaTests(app.App), IClassFixture<PostgresApp>;
