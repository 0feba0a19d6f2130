using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Imports;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Risks;
using OpenIsms.UnitTests.Imports;
using static OpenIsms.IntegrationTests.Imports.ImportTests;

namespace OpenIsms.IntegrationTests.Imports;

/// <summary>
/// Registers as people make them, and every value whose meaning is not certain asked about rather than read: localised
/// words, role names as owners, dates whose order the column leaves open, 2013 control numbers, workbook numbers that lost
/// a trailing zero, names that belong to another control. Each of these was once read silently, and wrongly.
/// </summary>
public abstract class ImportQuirkTests(AppFactory app)
{
    private static List<string> Problems(AngleSharp.Dom.IDocument report) =>
        report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();

    private Task<Dictionary<string, SoaEntry>> Soa() => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<OpenIsmsDbContext>();
        return await db.Set<SoaEntry>().AsNoTracking().Join(db.SoaControls(), e => e.RequirementId, r => r.Id, (e, r) => new { r.Code, e }).ToDictionaryAsync(x => x.Code, x => x.e);
    });

    [Fact]
    public async Task AGermanSoa_IsReadInItsOwnWords_AndAnUnknownWordIsAskedAbout_NeverDefaulted()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        const string csv = "Nr.;Bezeichnung;Anwendbar;Begründung;Umsetzungsstatus\r\n"
            + "A.5.1;Informationssicherheitsleitlinien;Ja;Gefordert;Umgesetzt\r\n"
            + "A.5.7;Threat intelligence;Ja;Lagebild;Teilweise umgesetzt\r\n"
            + "A.5.8;Information security in project management;Ja;Projekte;In Prüfung\r\n"
            + "A.7.5;Protecting against physical and environmental threats;Nein;Kein eigenes Rechenzentrum;N/A\r\n";
        var response = await Upload(manager, "/soa/import", "soa-de.csv", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Text());
        var mapping = await manager.Page(response.LocationPath());
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Status")!).SelectedOptions[0].Text.ShouldBe("Umsetzungsstatus", "German headers are recognised");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Applicable")!).SelectedOptions[0].Text.ShouldBe("Anwendbar");

        var dry = await TestClient.Parse(await Map(manager, mapping, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        var problems = Problems(dry);
        problems.Count.ShouldBe(1, string.Join(" | ", problems));
        problems[0].ShouldContain("4");
        problems[0].ShouldContain("Implementation status");
        problems[0].ShouldContain("\"In Prüfung\" is not a known implementation status. Choose what it means under Values");
        var unknown = dry.QuerySelector("#values-Status + table tr.unmapped")!;
        unknown.QuerySelector("th")!.TextContent.ShouldBe("In Prüfung");

        var values = (string field, string text, string current) => field == "Status" && text == "In Prüfung" ? nameof(ControlStatus.Planned) : current;
        var clean = await TestClient.Parse(await Map(manager, dry, "check", others: new() { ["Input.UpdateExisting"] = "true" }, values: values));
        Problems(clean).ShouldBeEmpty();
        var tooLong = await Map(manager, clean, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.ProfileName"] = new string('x', 201) }, values: values);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK, "a profile that cannot be saved stops the import before it starts");
        (await tooLong.Text()).ShouldContain("The profile name is longer than 200 characters.");
        (await Soa()).ContainsKey("A.5.8").ShouldBeFalse();
        (await Map(manager, clean, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.ProfileName"] = "SoA auf Deutsch" }, values: values))
            .LocationPath().ShouldBe("/soa?done=imported");

        var soa = await Soa();
        soa["A.5.1"].StatusOverride.ShouldBe(ControlStatus.Implemented);
        soa["A.5.7"].StatusOverride.ShouldBe(ControlStatus.Planned);
        soa["A.5.8"].StatusOverride.ShouldBe(ControlStatus.Planned);
        soa["A.7.5"].Applicable.ShouldBe(false);
        soa["A.7.5"].ExclusionJustification.ShouldBe("Kein eigenes Rechenzentrum");

        // The profile remembers the choice: the same file next quarter needs no answer.
        var again = await Upload(manager, "/soa/import", "soa-de.csv", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv));
        var second = await manager.Page(again.LocationPath());
        second.QuerySelector("#profiles")!.TextContent.ShouldContain("SoA auf Deutsch");
        second.QuerySelectorAll("#values tr.unmapped").ShouldBeEmpty();
        Problems(await TestClient.Parse(await Map(manager, second, "check", others: new() { ["Input.UpdateExisting"] = "true" }))).ShouldBeEmpty();
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync(e => e.EntityType == "ImportProfile")))
            .ShouldBeGreaterThan(0, "saving a profile is in the activity log");
    }

    [Fact]
    public async Task ANameThatIsAnotherControls_AndA2013Number_AreProblems_UntilThePersonSays()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        const string csv = """
            Control,Name,Applicable,Justification
            A.5.2,Segregation of duties,Yes,Small team
            A.5.1.1,Policies for information security,Yes,Required
            A.5.1.2,Review of the policies for information security,Yes,Required
            A.6.1.2,Segregation of duties,Yes,Small team
            A.18.2.3,Technical compliance review,Yes,Scans
            """;
        var mapping = await UploadOk(manager, "/soa/import", "soa-2013.csv", csv);
        var problems = Problems(await TestClient.Parse(await Map(manager, mapping, "check", others: new() { ["Input.UpdateExisting"] = "true" })));
        problems.ShouldContain(p => p.StartsWith("2", StringComparison.Ordinal) && p.Contains("A.5.2 is \"Information security roles and responsibilities\", but the name in the file is A.5.3's", StringComparison.Ordinal), string.Join(" | ", problems));
        problems.ShouldContain(p => p.Contains("A.5.1.1 is an ISO/IEC 27001:2013 control number; in 2022 it is A.5.1 Policies for information security", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("A.18.2.3 is an ISO/IEC 27001:2013 control that corresponds to two 2022 controls", StringComparison.Ordinal));

        const string fixedCsv = """
            Control,Name,Applicable,Justification
            A.5.1.1,Policies for information security,Yes,Required
            A.5.1.2,Review of the policies for information security,Yes,Required
            A.6.1.2,Segregation of duties,Yes,Small team
            """;
        var second = await UploadOk(manager, "/soa/import", "soa-2013.csv", fixedCsv);
        (await Map(manager, second, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.Translate2013"] = "true" })).LocationPath().ShouldBe("/soa?done=imported");
        var soa = await Soa();
        soa["A.5.1"].Applicable.ShouldBe(true, "A.5.1.1 and A.5.1.2 merged into A.5.1 and agree");
        soa["A.5.3"].Applicable.ShouldBe(true, "A.6.1.2 is A.5.3 in 2022");
    }

    [Fact]
    public async Task AWorkbook_WithACoverSheet_TitleRows_AFooter_AndIdsStoredAsNumbers_ImportsWhatExcelShows()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var workbook = TestWorkbook.Create(
            ("Cover", [["Statement of Applicability"], ["Owner: ISMS manager"], ["Version 4"]]),
            ("SoA", [
                ["Statement of Applicability 2026"],
                [],
                ["Control", "Name", "Applicable", "Justification", "Status"],
                [5.1, "Policies for information security", "Yes", "Required", "Implemented"],
                [5.1, "Acceptable use of information and other associated assets", "Yes", "Needed", "Implemented"],
                [8.1999999999999993, "Privileged access rights", "Yes", "Admins", "Implemented"],
                [new TestWorkbook.Formatted(5.3, 2), "ICT readiness for business continuity", "Yes", "Continuity", "Planned"],
                [],
                ["Approved by: Board, 2026-03-01"],
            ]));
        var response = await Upload(manager, "/soa/import", "soa.xlsx", workbook);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Text());
        var mapping = await manager.Page(response.LocationPath());
        mapping.QuerySelector("p.lead")!.TextContent.ShouldContain("4 row(s), 5 column(s), sheet \"SoA\"");
        ((IHtmlSelectElement)mapping.QuerySelector("#f-Sheet")!).SelectedOptions[0].Text.ShouldBe("SoA");
        ((IHtmlInputElement)mapping.QuerySelector("#f-HeaderRow")!).Value.ShouldBe("3");
        mapping.QuerySelector("#layout")!.TextContent.ShouldContain("Row 9 below the table is not part of it and was ignored.");
        mapping.QuerySelector("#layout")!.TextContent.ShouldContain("The header is on row 3; row 1 above it was skipped as a title.");

        var report = await TestClient.Parse(await Map(manager, mapping, "import", others: new() { ["Input.UpdateExisting"] = "true" }));
        Problems(report).ShouldBeEmpty();
        var soa = await Soa();
        soa["A.5.10"].Applicable.ShouldBe(true, "5.1 with A.5.10's name is A.5.10: General hid the zero");
        soa["A.8.2"].Applicable.ShouldBe(true, "8.1999999999999993 is the 8.2 Excel shows");
        soa["A.5.30"].StatusOverride.ShouldBe(ControlStatus.Planned, "5.30 in a 0.00 format is 5.30");

        // Without the names, a shortened number is a question, not A.5.1.
        var bare = TestWorkbook.Create(("SoA", [["Control", "Applicable"], [5.1, "Yes"], [5.2, "No"]]));
        var bareMapping = await manager.Page((await Upload(manager, "/soa/import", "bare.xlsx", bare)).LocationPath());
        var problems = Problems(await TestClient.Parse(await Map(manager, bareMapping, "check", others: new() { ["Input.UpdateExisting"] = "true" })));
        problems.ShouldContain(p => p.Contains("5.1 is a number in the workbook, which drops trailing zeros: it could be A.5.1 or A.5.10", StringComparison.Ordinal), string.Join(" | ", problems));
    }

    [Fact]
    public async Task RoleOwners_MapToPeopleValueByValue_AndAmbiguousDatesAreAskedOncePerColumn()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var managerId = await app.UserId(Roles.IsmsManager);
        var contributorId = await app.UserId(Roles.Contributor);
        const string csv = """
            ID,Title,Owner,Likelihood,Impact,Next review
            DQ-1,Phishing,Head of IT,3,4,03/04/2027
            DQ-2,Supplier outage,Head of Sales,2,3,05/06/2027
            DQ-3,Laptop theft,Head of IT,2,2,2027-07-01
            """;
        var mapping = await UploadOk(manager, "/risks/import", "owners.csv", csv);
        var ownerRows = mapping.QuerySelectorAll("#values-Owner + table tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        ownerRows.ShouldBe(["Head of IT", "Head of Sales"], "one choice per distinct owner, not one default for the file");
        ((IHtmlSelectElement)mapping.QuerySelector("#f-Date-NextReview")!).Value.ShouldBe("", "03/04 and 05/06 could be either");

        var values = (string field, string text, string current) => field != "Owner" ? current : text == "Head of IT" ? managerId : contributorId;
        var first = Problems(await TestClient.Parse(await Map(manager, mapping, "check", values: values)));
        first.Count.ShouldBe(2, string.Join(" | ", first));
        first.ShouldAllBe(p => p.Contains("could be day first or month first", StringComparison.Ordinal));

        (await Map(manager, mapping, "import", values: values, others: new() { ["Input.DateOrders"] = "day" })).LocationPath().ShouldBe("/risks?done=imported");
        var risks = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Risk>().AsNoTracking()
            .Where(r => r.Reference.StartsWith("DQ-")).OrderBy(r => r.Reference).ToListAsync());
        risks.Select(r => r.OwnerId).ShouldBe([managerId, contributorId, managerId]);
        risks.Select(r => r.NextReview).ShouldBe([new DateOnly(2027, 4, 3), new DateOnly(2027, 6, 5), new DateOnly(2027, 7, 1)]);

        // Dotted dates are day first wherever they are written: 1.7.2027 is the first of July, with nothing to ask.
        var dotted = await UploadOk(manager, "/risks/import", "dotted.csv", "ID,Title,Owner,Next review\nDQ-1,Phishing,Head of IT,1.7.2027\n");
        ((IHtmlSelectElement)dotted.QuerySelector("#f-Date-NextReview")!).Value.ShouldBe("day");
        dotted.QuerySelectorAll("#values tr.unmapped").ShouldBeEmpty("the profile saved by the import knows Head of IT");
        (await Map(manager, dotted, "import", others: new() { ["Input.UpdateExisting"] = "true" })).LocationPath().ShouldBe("/risks?done=imported");
        (await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Risk>().AsNoTracking().SingleAsync(r => r.Reference == "DQ-1")))
            .NextReview.ShouldBe(new DateOnly(2027, 7, 1));
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ImportQuirkTestsOnSqlite(SqliteApp app) : ImportQuirkTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ImportQuirkTestsOnPostgreSql(PostgresApp app) : ImportQuirkTests(app.App), IClassFixture<PostgresApp>;

/// <summary>Export, import, export: the register comes back as it went out, and a re-import that changes nothing records nothing.</summary>
public abstract class RoundTripTests(AppFactory app)
{
    private static List<List<string>> Cells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        // Every cell of both sheets, less the time the file was produced (a minute may pass between two exports).
        return book.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).Where(r => r.FirstOrDefault() != "Produced").ToList();
    }

    private Task<int> LogEntries() => app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync());

    [Fact]
    public async Task TheSoa_ComesBackAsExported_WithEachRowsOwnJustification_AndTheReimportRecordsNothing()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        const string csv = """
            Control,Applicable,Reasons for inclusion,Justification for inclusion,Justification for exclusion,Implementation status,Status set by hand because,Notes
            A.5.1,Yes,"Contractual, Best practice",Customers ask for a policy,,,,Approved by the CEO
            A.7.5,No,,,No premises of our own,,,
            A.8.9,Yes,Best practice,Hardening baselines,,Planned,Rollout starts in Q3,
            """;
        var mapping = await UploadOk(manager, "/soa/import", "decisions.csv", csv);
        (await Map(manager, mapping, "import", others: new() { ["Input.UpdateExisting"] = "true" })).LocationPath().ShouldBe("/soa?done=imported");

        var exported = await (await manager.Get("/soa/export.xlsx?version=draft")).Content.ReadAsByteArrayAsync();
        var before = Cells(exported);
        var a51 = before.Single(r => r.Count > 0 && r[0] == "A.5.1");
        (a51[4], a51[5], a51[11]).ShouldBe(("Contractual, Best practice", "Customers ask for a policy", "Approved by the CEO"));
        before.Single(r => r.Count > 0 && r[0] == "A.7.5")[8].ShouldBe("Not applicable", "an excluded control is not 'not implemented'");

        var logged = await LogEntries();
        var upload = await Upload(manager, "/soa/import", "statement-of-applicability-draft.xlsx", exported);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Text());
        var again = await manager.Page(upload.LocationPath());
        again.QuerySelector("p.lead")!.TextContent.ShouldContain("93 row(s)", customMessage: "the title and approval lines below the table are not rows");
        ((IHtmlSelectElement)again.QuerySelector("#map-Justification")!).SelectedOptions[0].Text.ShouldBe("Justification for exclusion");
        ((IHtmlSelectElement)again.QuerySelector("#map-InclusionJustification")!).SelectedOptions[0].Text.ShouldBe("Justification for inclusion");
        var report = await TestClient.Parse(await Map(manager, again, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ShouldBeEmpty();
        (await Map(manager, again, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/soa?done=imported");

        (await LogEntries()).ShouldBe(logged, "a re-import that changes nothing records nothing");
        Cells(await (await manager.Get("/soa/export.xlsx?version=draft")).Content.ReadAsByteArrayAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ARiskRegister_ReimportedUnchanged_AddsNoAssessment_AndKeepsTheOwnersAcceptance()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = "RTA-1", ["Input.Title"] = "Stolen laptop", ["Input.OwnerId"] = owner });
        var url = created.LocationPath().Split('?')[0];
        (await manager.Submit(await manager.Page(url), ".assess-form", RiskFlowTests.Rating(2, [2, 1, 1, 1, 1], 2, [2, 1, 1, 1, 1]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Submit(await manager.Page(url), "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Accept", ["Input.TreatmentRationale"] = "Disk encryption makes the loss small." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Submit(await manager.Page(url), "#acceptance form", new Dictionary<string, string?> { ["Input.AcceptanceNote"] = "Accepted at the risk review." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Risk Current() => app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Risk>().AsNoTracking().SingleAsync(r => r.Reference == "RTA-1")).GetAwaiter().GetResult();
        Current().Status.ShouldBe(RiskStatus.Accepted);
        var riskId = Current().Id;
        var assessments = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<RiskAssessment>().CountAsync(a => a.RiskId == riskId));

        var export = await (await manager.Get("/risks/export.xlsx?q=RTA-")).Content.ReadAsByteArrayAsync();
        var mapping = await manager.Page((await Upload(manager, "/risks/import", "risks.xlsx", export)).LocationPath());
        (await Map(manager, mapping, "import", others: new() { ["Input.UpdateExisting"] = "true" })).LocationPath().ShouldBe("/risks?done=imported");

        Current().Status.ShouldBe(RiskStatus.Accepted, "the owner's acceptance stands");
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<RiskAssessment>().CountAsync(a => a.RiskId == riskId))).ShouldBe(assessments, "no new assessment");
    }

    [Fact]
    public async Task TheAssetInventory_ComesBackAsExported_AndTheReimportRecordsNothing()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var csv = $"""
            Identifier,Name,Type,Category,Description,Owner,Custodian,Location,Classification,Confidentiality,Integrity,Availability,Criticality,In scope
            RTA-A1,Payroll archive,Information,Records,"Salaries, 2019 onwards",{Roles.Contributor} user,HR,Hamburg,Confidential,4,3,2,High,Yes
            RTA-A2,Old fax machine,Hardware,,,,,,Internal,1,1,1,Low,No
            """;
        var mapping = await UploadOk(manager, "/assets/import", "assets.csv", csv);
        (await TestClient.Parse(await Map(manager, mapping, "check"))).QuerySelectorAll("#report tbody tr").Select(r => r.TextContent.Trim()).ShouldBeEmpty();
        (await Map(manager, mapping, "import", others: new() { ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/assets?done=imported");

        var assets = await manager.Page("/assets?q=RTA-A");
        assets.QuerySelector("main a[href^='/assets/export.xlsx']")!.GetAttribute("href").ShouldBe("/assets/export.xlsx?q=RTA-A", "the export carries the inventory's filter");
        var exported = await (await manager.Get("/assets/export.xlsx?q=RTA-A")).Content.ReadAsByteArrayAsync();
        var before = Cells(exported);
        before.Single(r => r.Count > 0 && r[0] == "RTA-A1").ShouldBe(["RTA-A1", "Payroll archive", "Information", "Records", "Salaries, 2019 onwards", $"{Roles.Contributor} user", "HR", "Hamburg", "Confidential", "4", "3", "2", "High", "Yes"]);

        var logged = await LogEntries();
        var again = await manager.Page((await Upload(manager, "/assets/import", "asset-inventory.xlsx", exported)).LocationPath());
        var report = await TestClient.Parse(await Map(manager, again, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ShouldBeEmpty();
        (await Map(manager, again, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/assets?done=imported");

        (await LogEntries()).ShouldBe(logged, "a re-import that changes nothing records nothing");
        Cells(await (await manager.Get("/assets/export.xlsx?q=RTA-A")).Content.ReadAsByteArrayAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task TwoUsersWithOneName_AreToldApartInTheExport_AndAnImportNeverPicksOneOfThem()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        // A second "IsmsManager user", the owner of the risk: the export must say which of the two it is.
        var twin = await app.InScope(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = new AppUser { UserName = "twin@example.org", Email = "twin@example.org", DisplayName = $"{Roles.IsmsManager} user", EmailConfirmed = true };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.IsmsManager)).Succeeded.ShouldBeTrue();
            return user.Id;
        });
        var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = "TWN-1", ["Input.Title"] = "Shared name", ["Input.OwnerId"] = twin });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Text());

        var csv = await (await manager.Get("/risks/export.csv?q=TWN-")).Content.ReadAsStringAsync();
        csv.ShouldContain($"{Roles.IsmsManager} user <twin@example.org>");
        var logged = await LogEntries();
        var mapping = await manager.Page((await Upload(manager, "/risks/import", "risks.csv", Encoding.UTF8.GetBytes(csv))).LocationPath());
        (await Map(manager, mapping, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/risks?done=imported");
        (await LogEntries()).ShouldBe(logged, "the owner is the same person, so nothing changed");

        // The bare name could be either of them: it is asked about, not given to the first one found.
        var bare = $"Identifier,Title,Owner\nTWN-2,Another,{Roles.IsmsManager} user\n";
        var page = await manager.Page((await Upload(manager, "/risks/import", "bare.csv", Encoding.UTF8.GetBytes(bare))).LocationPath());
        var report = await TestClient.Parse(await Map(manager, page, "check"));
        report.QuerySelector("#report")!.TextContent.ShouldContain($"\"{Roles.IsmsManager} user\" is the name of 2 users");
    }
}

/// <summary>The treatment plan comes in as planners keep it: actions by risk identifier, role owners, several controls per action.</summary>
public abstract class TreatmentPlanImportTests(AppFactory app)
{
    [Fact]
    public async Task ThePlan_ImportsWithItsOwnersAndControls_AndItsExportReimportsWithoutAChange()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        (await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = "TP-R1", ["Input.Title"] = "Ransomware", ["Input.OwnerId"] = owner }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        const string csv = """
            ID,Risk ID,Action,Annex A Control,Owner,Start Date,Due Date,Budget (EUR),Status,Verification
            RTP-001,TP-R1,Deploy phishing-resistant MFA for admins,A 5.17 A 8.5,IT Operations Lead,2026-02-01,2026-06-30,8000,In progress,Audit test Q3
            RTP-002,TP-R1,Segment the backup network,A 8.12,IT Operations Lead,2026-03-01,2026-07-31,12000,Open,Pentest
            RTP-003,TP-R9,Train the sales team,A 6.3,HR Lead,2026-03-01,2026-09-30,3000,Open,Attendance
            """;
        var page = await manager.Page("/risks/treatment-plan");
        page.QuerySelector("a[href='/risks/treatment-plan/import']").ShouldNotBeNull();
        var mapping = await UploadOk(manager, "/risks/treatment-plan/import", "plan.csv", csv);
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Risk")!).SelectedOptions[0].Text.ShouldBe("Risk ID");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Due")!).SelectedOptions[0].Text.ShouldBe("Due Date");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Controls")!).SelectedOptions[0].Text.ShouldBe("Annex A Control");
        var problems = (await TestClient.Parse(await Map(manager, mapping, "check"))).QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        problems.ShouldContain(p => p.Contains("\"TP-R9\" is not a risk in the register", StringComparison.Ordinal), string.Join(" | ", problems));
        problems.ShouldContain(p => p.Contains("\"IT Operations Lead\" is not a user", StringComparison.Ordinal));

        var fixedCsv = string.Join('\n', csv.Split('\n').Where(l => !l.StartsWith("RTP-003", StringComparison.Ordinal)));
        var second = await UploadOk(manager, "/risks/treatment-plan/import", "plan.csv", fixedCsv);
        (await Map(manager, second, "import", values: OwnersTo(owner))).LocationPath().ShouldBe("/risks/treatment-plan?done=imported");
        var actions = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return await (from a in db.Set<TreatmentAction>() join r in db.Set<Risk>() on a.RiskId equals r.Id where r.Reference == "TP-R1"
                          join q in db.Set<Core.Frameworks.Requirement>() on a.RequirementId equals q.Id orderby a.Title select new { a.Title, a.Status, a.Due, a.OwnerId, q.Code }).ToListAsync();
        });
        actions.Select(a => (a.Title, a.Status, a.Due, a.OwnerId, a.Code)).ShouldBe(
        [
            ("Deploy phishing-resistant MFA for admins", ActionStatus.InProgress, (DateOnly?)new DateOnly(2026, 6, 30), owner, "A.5.17"),
            ("Segment the backup network", ActionStatus.Planned, new DateOnly(2026, 7, 31), owner, "A.8.12"),
        ]);
        var planned = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return await (from x in db.Set<RiskControl>() join r in db.Set<Risk>() on x.RiskId equals r.Id where r.Reference == "TP-R1"
                          join q in db.Set<Core.Frameworks.Requirement>() on x.RequirementId equals q.Id select q.Code).ToListAsync();
        });
        planned.ShouldBe(["A.5.17", "A.8.5", "A.8.12"], ignoreOrder: true, "every control an action names is planned for the risk");

        // The plan's own export comes back without a change.
        var export = await (await manager.Get("/risks/treatment-plan.csv?q=TP-R1")).Content.ReadAsStringAsync();
        var logged = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync());
        var again = await UploadOk(manager, "/risks/treatment-plan/import", "export.csv", export.TrimStart('\uFEFF'));
        (await Map(manager, again, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/risks/treatment-plan?done=imported");
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync())).ShouldBe(logged);
        (await (await manager.Get("/risks/treatment-plan.csv?q=TP-R1")).Content.ReadAsStringAsync()).ShouldBe(export);
    }
}

/// <summary>The organisation's controls come in with their frequencies and statuses in any of six languages, and go out and back unchanged.</summary>
public abstract class ControlImportTests(AppFactory app)
{
    [Fact]
    public async Task Controls_ImportWithTheirAnnexALinks_AndTheirExportReimportsWithoutAChange()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        const string csv = """
            ID,Control name,Owner,Type,Frequency,Status,Annex A
            CT-1,Quarterly access review,Head of IT,Detective,Vierteljährlich,In Betrieb,"A.5.15, A.5.18"
            CT-2,Offline backups with restore test,Head of IT,Preventive,Daily,Implemented,A.8.13
            CT-3,Firewall rule review,Head of IT,Detektiv,Half-yearly,Bald,A.8.20
            """;
        (await manager.Page("/controls")).QuerySelector("a[href='/controls/import']").ShouldNotBeNull();
        var mapping = await UploadOk(manager, "/controls/import", "controls.csv", csv);
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Implements")!).SelectedOptions[0].Text.ShouldBe("Annex A");
        var problems = (await TestClient.Parse(await Map(manager, mapping, "check", values: OwnersTo(owner)))).QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        problems.Count.ShouldBe(1, string.Join(" | ", problems));
        problems[0].ShouldContain("\"Bald\" is not a known implementation status");

        var values = (string field, string text, string current) => field == "Status" && text == "Bald" ? nameof(ControlStatus.Planned) : OwnersTo(owner)(field, text, current);
        (await Map(manager, mapping, "import", values: values)).LocationPath().ShouldBe("/controls?done=imported");
        var controls = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Control>().AsNoTracking()
            .Where(c => c.Reference.StartsWith("CT-")).OrderBy(c => c.Reference).Select(c => new { c.Type, c.Frequency, c.Status, c.OwnerId }).ToListAsync());
        controls.Select(c => (c.Type, c.Frequency, c.Status, c.OwnerId)).ShouldBe(
        [
            (ControlType.Detective, ControlFrequency.Quarterly, ControlStatus.Operating, owner),
            (ControlType.Preventive, ControlFrequency.Daily, ControlStatus.Implemented, owner),
            (ControlType.Detective, ControlFrequency.HalfYearly, ControlStatus.Planned, owner),
        ]);

        var export = await (await manager.Get("/controls/export.csv?q=CT-")).Content.ReadAsStringAsync();
        export.ShouldContain("CT-1,Quarterly access review,,ISMS manager user,Detective,Quarterly,Operating,\"A.5.15, A.5.18\"");
        var logged = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync());
        var again = await UploadOk(manager, "/controls/import", "export.csv", export.TrimStart('\uFEFF'));
        (await Map(manager, again, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/controls?done=imported");
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync())).ShouldBe(logged);
        (await (await manager.Get("/controls/export.csv?q=CT-")).Content.ReadAsStringAsync()).ShouldBe(export);
        (await manager.Get("/controls/export.xlsx?q=CT-")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ControlImportTestsOnSqlite(SqliteApp app) : ControlImportTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ControlImportTestsOnPostgreSql(PostgresApp app) : ControlImportTests(app.App), IClassFixture<PostgresApp>;

[Collection(SharedHosts.Sqlite)]
public sealed class TreatmentPlanImportTestsOnSqlite(SqliteApp app) : TreatmentPlanImportTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class TreatmentPlanImportTestsOnPostgreSql(PostgresApp app) : TreatmentPlanImportTests(app.App), IClassFixture<PostgresApp>;

[Collection(SharedHosts.Sqlite)]
public sealed class RoundTripTestsOnSqlite(SqliteApp app) : RoundTripTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class RoundTripTestsOnPostgreSql(PostgresApp app) : RoundTripTests(app.App), IClassFixture<PostgresApp>;
