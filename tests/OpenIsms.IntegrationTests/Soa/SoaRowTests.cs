using System.Net;
using AngleSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Soa;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Soa;

/// <summary>Editing one SoA row in place (the htmx fragments), the filters by attribute and status, and the risk counts.</summary>
public abstract class SoaRowTests(AppFactory app)
{
    private Task<SoaEntry?> Entry(string code) => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<OpenIsmsDbContext>();
        return await db.Set<SoaEntry>().Where(e => db.Set<Requirement>().Any(r => r.Id == e.RequirementId && r.Code == code)).FirstOrDefaultAsync();
    });

    // A fragment is a bare <tr>, which only means something inside a table (as htmx swaps it in).
    private static async Task<AngleSharp.Dom.IDocument> Row(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content("<table><tbody>" + html + "</tbody></table>"));
    }

    [Fact]
    public async Task ARow_IsDecidedInPlace_WithItsErrorBesideTheField_AndAStaleEditIsRefused()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var editor = await manager.Get("/soa/rows/A.5.7/edit");
        editor.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await editor.Text()).ShouldContain("name=\"row-A.5.7-justification\"");

        var soa = await manager.Page("/soa");
        var refused = await manager.SubmitTo(soa, "form#bulk", "/soa/rows/A.5.7", new Dictionary<string, string?> { ["row-A.5.7-applicable"] = "no", ["row-A.5.7-version"] = "0" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusedRow = await Row(refused);
        refusedRow.QuerySelector(".field-error")!.TextContent.ShouldContain("Say why this control is not applicable");
        refusedRow.QuerySelector("input[name='row-A.5.7-applicable'][value=no]")!.HasAttribute("checked").ShouldBeTrue(); // the choice survives
        (await Entry("A.5.7")).ShouldBeNull();

        var saved = await manager.SubmitTo(soa, "form#bulk", "/soa/rows/A.5.7", new Dictionary<string, string?>
        {
            ["row-A.5.7-applicable"] = "no", ["row-A.5.7-justification"] = "We subscribe to no threat feeds yet; planned for 2027.", ["row-A.5.7-version"] = "0",
        });
        var row = await Row(saved);
        row.QuerySelector("tr#A\\.5\\.7")!.TextContent.ShouldContain("We subscribe to no threat feeds yet");
        row.QuerySelector(".saved-text").ShouldNotBeNull();
        var entry = await Entry("A.5.7");
        (entry!.Applicable, entry.Version).ShouldBe((false, 1));

        // A second editor still holding version 0 is told, and nothing is overwritten.
        var stale = await manager.SubmitTo(soa, "form#bulk", "/soa/rows/A.5.7", new Dictionary<string, string?> { ["row-A.5.7-applicable"] = "yes", ["row-A.5.7-reasons"] = "BestPractice", ["row-A.5.7-version"] = "0" });
        (await stale.Text()).ShouldContain("changed this row since you opened it");
        (await Entry("A.5.7"))!.Applicable.ShouldBe(false);

        // Without a valid antiforgery token the post stops; a viewer cannot open the editor.
        (await manager.Http.PostAsync("/soa/rows/A.5.7", new FormUrlEncodedContent([new("row-A.5.7-applicable", "yes")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/soa/rows/A.5.7/edit")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Get("/soa/rows/A.5.7")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheFilters_ByAttributeAndStatus_AndARowCountsManyRisks()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var detective = (await manager.Page("/soa?attribute=Detective")).QuerySelectorAll("tbody tr").Select(r => r.Id!).ToList();
        detective.ShouldNotBeEmpty();
        detective.Count.ShouldBeLessThan(93);
        var expected = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Requirement>()
            .Where(r => r.Kind == RequirementKind.Control && r.FrameworkId == ListRequirements.DefaultFramework
                && sp.GetRequiredService<OpenIsmsDbContext>().Set<RequirementAttribute>().Any(a => a.RequirementId == r.Id && a.Value == "Detective")).OrderBy(r => r.SortOrder).Select(r => r.Code).ToListAsync());
        detective.ShouldBe(expected);

        var requirement = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Requirement>().Where(r => r.Code == "A.8.16").Select(r => r.Id).SingleAsync());
        (await manager.SubmitAt("/controls/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = "SOAF-1", ["Input.Name"] = "Monitoring", ["Input.Status"] = "Operating", ["Input.RequirementIds"] = requirement.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Page("/soa?status=Operating")).QuerySelectorAll("tbody tr").Select(r => r.Id).ShouldBe(["A.8.16"]);

        await Risks.Methodology.EnsureApproved(app);
        var owner = await app.UserId(Roles.IsmsManager);
        for (var i = 1; i <= 8; i++)
        {
            (await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
            {
                ["Input.Reference"] = $"SOAF-R{i}", ["Input.Title"] = $"Attack goes unnoticed {i}", ["Input.OwnerId"] = owner, ["Input.ControlIds"] = requirement.ToString(),
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Beyond six, the row counts the risks and links to them in the register.
        var row = (await manager.Page("/soa")).QuerySelector("tr#A\\.8\\.16")!;
        row.TextContent.ShouldContain("Risk treatment: 8 risks");
        row.TextContent.ShouldNotContain("SOAF-R7");
        var all = row.QuerySelector("a[href='/risks?annex=A.8.16']")!.GetAttribute("href")!;
        (await manager.Page(all)).QuerySelectorAll("tbody tr").Length.ShouldBe(8);

        // The export names every one of them.
        await using var xlsx = new MemoryStream(await (await manager.Get("/soa/export.xlsx?version=draft")).Content.ReadAsByteArrayAsync());
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var rows = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.WorkbookPart!.GetPartById(book.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Last().Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        rows.Single(r => r.Count > 0 && r[0] == "A.8.16")[6].ShouldBe(string.Join(", ", Enumerable.Range(1, 8).Select(i => $"SOAF-R{i}")));
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class SoaRowTestsOnSqlite(SqliteApp app) : SoaRowTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class SoaRowTestsOnPostgreSql(PostgresApp app) : SoaRowTests(app.App), IClassFixture<PostgresApp>;

/// <summary>The SoA as PDF, printed by the server's headless Chromium (a prerequisite of the test suite, as for the browser tests).</summary>
[Collection(SharedHosts.Sqlite)]
public sealed class SoaPdfTests(SqliteApp shared) : IClassFixture<SqliteApp>
{
    private readonly AppFactory app = shared.App;

    [Fact]
    public async Task TheDraft_PrintsToAPdfOfSeveralPages()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Page("/soa")).QuerySelector("a[href='/soa/export.pdf?version=draft']").ShouldNotBeNull();
        var response = await viewer.Get("/soa/export.pdf?version=draft");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("statement-of-applicability-draft.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;
        pages.ShouldBeGreaterThanOrEqualTo(3, "93 rows in A4 landscape fill several pages");

        // Read back as text (poppler's pdftotext): the document-control block heads it, and no word is broken in two.
        var file = Path.Combine(Path.GetTempPath(), $"soa-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            text.ShouldContain("Document id");
            text.ShouldContain("OIM-SOA");
            text.ShouldContain("Organizational");
            text.ShouldContain("Technological");
            text.ShouldNotContain("Organizati\n");
            text.ShouldNotContain("Applicabl\n");
            text.ShouldNotContain("Implementatio\n");
            File.Copy(file, Path.Combine(Path.GetTempPath(), "openisms-soa-latest.pdf"), overwrite: true);
        }
        finally
        {
            File.Delete(file);
        }
        (await viewer.Get("/soa/export.pdf?version=7")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
