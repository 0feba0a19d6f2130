using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Risks;

namespace OpenIsms.IntegrationTests.Imports;

/// <summary>
/// Importing registers as a user does: upload, map, dry run, import. The fixtures reproduce the quirks of the public
/// sample registers (role names as owners, "Likelihood (1-5)", "Max Impact", "Accept with monitoring", quoted commas).
/// </summary>
public abstract class ImportTests(AppFactory app)
{
    private const string AssetCsv = """
        ID,Asset Name,Type,Category,Owner,Custodian,Location,Classification,Criticality,Environment,Description,Status
        IMP-A1,Customer database (prod),Information,Database,Head of Sales,IT Operations,AWS eu-central-1,Confidential,High,Production,"Primary store, PostgreSQL 15",Active
        IMP-A2,Logistics portal (SaaS),Application,SaaS,Head of Ops,Vendor,Vendor cloud,Confidential,High,Production,Customer-facing portal,Active
        IMP-A3,HQ building,Facility,Building,Facilities Lead,Facilities,Hamburg,Internal,Medium,Production,Head office,Active
        """;

    private const string RiskCsv = """
        ID,Risk Title,Description,Asset / Process,Threat,Vulnerability,Owner,Likelihood (1-5),Impact Financial,Impact Operational,Max Impact,Inherent Score,Residual Likelihood,Residual Max Impact,Treatment Decision,Status
        IMP-R1,Ransomware on file servers,Attackers encrypt the share,IMP-A1 + Payroll archive,Ransomware,"Flat admin network, shared credentials",IT Operations Lead,4,5,5,5,20,2,4,Mitigate,Open
        IMP-R2,Supplier outage,Portal down for a day,Logistics portal (SaaS),Supplier outage,Single provider,IT Operations Lead,3,4,4,4,12,3,3,Accept with monitoring,Open
        """;

    internal static async Task<HttpResponseMessage> Upload(TestClient client, string path, string fileName, byte[] content)
    {
        var page = await client.Page(path);
        var form = page.QuerySelector("main form")!;
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            body.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "File", fileName);
        return await client.Http.PostAsync(path, body);
    }

    internal static async Task<IDocument> UploadOk(TestClient client, string path, string fileName, string csv)
    {
        var response = await Upload(client, path, fileName, Encoding.UTF8.GetBytes(csv.Replace("\r\n", "\n", StringComparison.Ordinal)));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Text());
        return await client.Page(response.LocationPath());
    }

    /// <summary>Posts the mapping form with its current column choices, some replaced by header name, plus other fields.</summary>
    internal static Task<HttpResponseMessage> Map(TestClient client, IDocument page, string action, Dictionary<string, string>? columns = null, Dictionary<string, string?>? others = null,
        Func<string, string, string, string?>? values = null)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var select in page.QuerySelectorAll("select[name='Input.Columns']").OfType<IHtmlSelectElement>())
        {
            var key = select.Id!["map-".Length..];
            var value = select.Value ?? select.Options.First().Value;
            if (columns is not null && columns.TryGetValue(key, out var header))
            {
                value = select.Options.First(o => o.Text == header).Value;
            }

            fields.Add(new("Input.Columns", value));
        }

        fields.Add(new("Input.Action", action));
        if (values is not null)
        {
            // The value step: each select (field, value as written, current choice) set as the chooser says.
            foreach (var select in page.QuerySelectorAll("select[name='Input.ValueChoices']").OfType<IHtmlSelectElement>())
            {
                var field = select.Id!.Split('-')[1];
                var text = page.QuerySelector($"label[for='{select.Id}']")!.TextContent;
                fields.Add(new("Input.ValueChoices", values(field, text, select.Value ?? "")));
            }
        }

        foreach (var (name, value) in others ?? [])
        {
            fields.Add(new(name, value));
        }

        return client.Submit(page, "main form", fields);
    }

    /// <summary>The value step with every owner that is not a user given to one person.</summary>
    internal static Func<string, string, string, string?> OwnersTo(string owner) => (field, _, current) => field == "Owner" && current.Length == 0 ? owner : current;

    [Fact]
    public async Task AssetRegister_DryRunListsEveryBadRow_ThenImportsAllOrNothing()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var mapping = await UploadOk(manager, "/assets/import", "asset-register.csv", AssetCsv);
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Name")!).SelectedOptions[0].Text.ShouldBe("Asset Name");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Reference")!).SelectedOptions[0].Text.ShouldBe("ID");

        // Role names are not users: each row says so, and nothing is written.
        var check = await TestClient.Parse(await Map(manager, mapping, "import", others: new() { ["Input.UpdateExisting"] = "true" }));
        var problems = check.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        problems.Count.ShouldBe(3, string.Join(" | ", problems));
        problems[0].ShouldContain("2");
        problems[0].ShouldContain("Owner");
        problems[0].ShouldContain("\"Head of Sales\" is not a user");
        var owner = await app.UserId(Roles.IsmsManager);
        var countBefore = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>().CountAsync(a => a.OwnerId == owner && a.Reference.StartsWith("IMP-A")));
        var application = check.QuerySelectorAll("#values-Type + table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Application");
        ((IHtmlSelectElement)application.QuerySelector("select")!).SelectedOptions[0].Text.ShouldBe("Software", "a word the vocabulary knows is filled in, visibly");
        var dry = await TestClient.Parse(await Map(manager, check, "check", others: new() { ["Input.UpdateExisting"] = "true" }, values: OwnersTo(owner)));
        dry.QuerySelector("#report")!.TextContent.ShouldContain("All 3 row(s) can be imported");
        (await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>().CountAsync(a => a.OwnerId == owner && a.Reference.StartsWith("IMP-A")))).ShouldBe(countBefore, "a dry run writes nothing");

        var imported = await Map(manager, dry, "import", others: new() { ["Input.UpdateExisting"] = "true" });
        imported.LocationPath().ShouldBe("/assets?done=imported");
        var assets = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>().AsNoTracking().Where(a => a.Reference.StartsWith("IMP-A")).OrderBy(a => a.Reference).ToListAsync());
        assets.Select(a => a.Type).ShouldBe([AssetType.Information, AssetType.Software, AssetType.Site]);
        assets[0].Description.ShouldBe("Primary store, PostgreSQL 15");
        assets[0].OwnerId.ShouldBe(owner);
    }

    [Fact]
    public async Task ExcelsEuropeanCsv_Windows1252AndSemicolons_IsRead_AndTheWizardSaysHow()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var csv = "sep=;\r\nID;Asset Name;Type\r\nENC-1;Büroserver Zürich;Hardware\r\nENC-2;Lohnbuchhaltung (Größe: 5 GB);Information\r\n";
        var response = await Upload(manager, "/assets/import", "inventar.csv", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Text());
        var mapping = await manager.Page(response.LocationPath());
        mapping.QuerySelector("p.lead")!.TextContent.ShouldContain("2 row(s), 3 column(s). Read as Windows-1252 text, separated by semicolons.");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Name")!).SelectedOptions[0].Text.ShouldBe("Asset Name");

        var dry = await TestClient.Parse(await Map(manager, mapping, "check"));
        dry.QuerySelector("#report")!.TextContent.ShouldContain("All 2 row(s) can be imported");
        (await Map(manager, mapping, "import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var names = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>()
            .Where(a => a.Reference.StartsWith("ENC-")).OrderBy(a => a.Reference).Select(a => a.Name).ToListAsync());
        names.ShouldBe(["Büroserver Zürich", "Lohnbuchhaltung (Größe: 5 GB)"]);
    }

    [Fact]
    public async Task RiskRegister_WithTheSamplesQuirks_ImportsWithRatingsUnderTheApprovedMethodology()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        await UploadAssetsFirst(manager, owner);

        var mapping = await UploadOk(manager, "/risks/import", "risk-register.csv", RiskCsv);
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Title")!).SelectedOptions[0].Text.ShouldBe("Risk Title");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-InherentLikelihood")!).SelectedOptions[0].Text.ShouldBe("Likelihood (1-5)");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-InherentImpact")!).SelectedOptions[0].Text.ShouldBe("Max Impact");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-ResidualImpact")!).SelectedOptions[0].Text.ShouldBe("Residual Max Impact");

        var first = await TestClient.Parse(await Map(manager, mapping, "check", values: OwnersTo(owner)));
        var report = first.QuerySelector("#report")!.TextContent;
        report.ShouldContain("\"Payroll archive\" is not in the asset inventory");
        report.ShouldContain("A treatment needs a rationale", customMessage: string.Join(" | ", first.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent)));
        report.ShouldContain("\"Accept with monitoring\" is not a known treatment. Choose what it means under Values (perhaps Accept).", customMessage: "never read silently");

        var values = (string field, string text, string current) => OwnersTo(owner)(field, text, current) is var chosen && field == "Treatment" && text == "Accept with monitoring" ? "Accept" : chosen;
        var clean = await TestClient.Parse(await Map(manager, first, "check", others: new()
        {
            ["Input.CreateMissingAssets"] = "true", ["Input.DefaultRationale"] = "Agreed in the 2025 risk workshop.",
        }, values: values));
        clean.QuerySelector("#report")!.TextContent.ShouldContain("All 2 row(s) can be imported");

        (await Map(manager, clean, "import", others: new()
        {
            ["Input.CreateMissingAssets"] = "true", ["Input.DefaultRationale"] = "Agreed in the 2025 risk workshop.",
        })).LocationPath().ShouldBe("/risks?done=imported");

        var risk = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Risk>().AsNoTracking().SingleAsync(r => r.Reference == "IMP-R1"));
        (risk.InherentLikelihood, risk.InherentImpact, risk.ResidualLikelihood, risk.ResidualImpact).ShouldBe((4, 5, 2, 4));
        risk.Treatment.ShouldBe(TreatmentOption.Mitigate);
        var links = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<RiskAsset>().CountAsync(x => x.RiskId == risk.Id));
        links.ShouldBe(2, "IMP-A1 by identifier and the new Payroll archive asset");
    }

    private async Task UploadAssetsFirst(TestClient manager, string owner)
    {
        if (await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>().AnyAsync(a => a.Reference == "IMP-A1")))
        {
            return;
        }

        var mapping = await UploadOk(manager, "/assets/import", "assets.csv", AssetCsv);
        // Not remembered as a profile: the other tests read role names as not users.
        (await Map(manager, mapping, "import", values: OwnersTo(owner), others: new() { ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/assets?done=imported");
    }

    [Fact]
    public async Task StatementsOfApplicability_WithOrWithoutThePrefix_OrByName_Import()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        const string cenedril = """
            Control ID,Control Name,Theme,Applicable,Justification,Implementation Status,Implementation Description,Reference
            A.5.1,Policies for information security,Organizational,Yes,Required by regulators,Implemented,"Policy approved by the CEO, communicated",POL-001
            A.7.5,Protecting against physical and environmental threats,Physical,No,Fully cloud hosted; no own premises,N/A,,
            A.8.9,Configuration management,Technological,Yes,Baseline hardening,Partially implemented,CIS benchmarks,
            """;
        var mapping = await UploadOk(manager, "/soa/import", "soa.csv", cenedril);
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Code")!).SelectedOptions[0].Text.ShouldBe("Control ID");
        ((IHtmlSelectElement)mapping.QuerySelector("#map-Notes")!).SelectedOptions[0].Text.ShouldBe("Implementation Description");
        var dry = await TestClient.Parse(await Map(manager, mapping, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        dry.QuerySelector("#report")!.TextContent.ShouldContain("All 3 row(s) can be imported");
        var partial = dry.QuerySelectorAll("#values-Status + table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Partially implemented");
        ((IHtmlSelectElement)partial.QuerySelector("select")!).SelectedOptions[0].Text.ShouldBe("Planned", "shown in the value step, where it can be changed");
        (await Map(manager, dry, "import", others: new() { ["Input.UpdateExisting"] = "true" })).LocationPath().ShouldBe("/soa?done=imported");
        var soa = await manager.Page("/soa");
        soa.QuerySelector("tr#A\\.7\\.5")!.TextContent.ShouldContain("Fully cloud hosted; no own premises");
        soa.QuerySelector("tr#A\\.8\\.9")!.TextContent.ShouldContain("Planned");

        // Identifiers without "A.", a name without an identifier, an unknown control and an exclusion without a reason.
        const string sushegaad = """
            control_id,name,theme,included,justification,status
            5.2,"Information security roles and responsibilities",Organizational,Yes,"Accountability",partial
            ,Threat intelligence,Organizational,Yes,Know the attackers,implemented
            9.9,Something else,Organizational,Yes,,implemented
            6.3,Information security awareness,People,No,,not_implemented
            """;
        var second = await UploadOk(manager, "/soa/import", "soa2.csv", sushegaad);
        var report = await TestClient.Parse(await Map(manager, second, "import", others: new() { ["Input.UpdateExisting"] = "true" }));
        var problems = report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        problems.Count.ShouldBe(2, string.Join(" | ", problems));
        problems.ShouldContain(p => p.Contains("4", StringComparison.Ordinal) && p.Contains("is not an ISO/IEC 27001:2022 Annex A control", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("5", StringComparison.Ordinal) && p.Contains("Say why this control is not applicable", StringComparison.Ordinal));
        report.QuerySelector("#report")!.TextContent.ShouldContain("matched to A.5.7 Threat intelligence by its name");
        (await manager.Page("/soa")).QuerySelector("tr#A\\.5\\.2")!.TextContent.ShouldContain("Not decided", customMessage: "nothing of a failed file is written");
    }

    [Fact]
    public async Task ControlIds_AreReadInTheirCommonForms_AndA2013Number_IsAProblem_NotAnotherControl()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        const string csv = """
            Control ID,Control Name,Applicable,Justification
            A.05.01,Policies for information security,Yes,Required
            A5.2,Information security roles and responsibilities,Yes,Accountability
            5.3,Segregation of duties,Yes,Small team
            A.6.1.2,Segregation of duties,Yes,From the 2013 register
            """;
        var mapping = await UploadOk(manager, "/soa/import", "ids.csv", csv);
        var report = await TestClient.Parse(await Map(manager, mapping, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        var problems = report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        problems.Count.ShouldBe(1, string.Join(" | ", problems));
        problems[0].ShouldContain("5");
        problems[0].ShouldContain("A.6.1.2 is an ISO/IEC 27001:2013 control number; in 2022 it is A.5.3 Segregation of duties");
        report.QuerySelector("#report")!.TextContent.ShouldNotContain("A.6.1 ");
    }

    [Theory]
    [InlineData("broken.csv", "ID,Name,Type\nX1,\"Unclosed,Software\nX2,Fine,Hardware\n", "Row 2: a quote")]
    [InlineData("fake.xlsx", "ID,Name\nX1,Not really a workbook\n", "is named like an Excel workbook but is not one")]
    [InlineData("empty.csv", "", "Choose a file to import")]
    [InlineData("binary.csv", "\0\0\0binary", "is not a text (CSV) file")]
    public async Task AFileThatCannotBeRead_IsRefusedWithAClearMessage(string name, string content, string message)
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var response = await Upload(manager, "/assets/import", name, Encoding.UTF8.GetBytes(content));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Text()).ShouldContain(message);
    }

    [Fact]
    public async Task RatingsOutsideTheScale_DuplicateIds_AndTooManyRows_AreReported()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        var csv = "ID,Title,Owner,Likelihood,Impact\nBAD-1,Too likely,x,9,3\nBAD-2,Fine,x,2,2\nBAD-2,Again,x,2,2\n";
        var mapping = await UploadOk(manager, "/risks/import", "bad.csv", csv);
        var report = await TestClient.Parse(await Map(manager, mapping, "import", values: OwnersTo(owner)));
        var rows = report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("2", StringComparison.Ordinal) && r.Contains("Inherent likelihood", StringComparison.Ordinal) && r.Contains("\"9\" is outside the likelihood scale (1 to 5)", StringComparison.Ordinal), string.Join(" | ", rows));
        rows.ShouldContain(r => r.Contains("4", StringComparison.Ordinal) && r.Contains("BAD-2 appears again (first on row 3)", StringComparison.Ordinal));
        (await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Risk>().CountAsync(r => r.Reference.StartsWith("BAD-")))).ShouldBe(0, "nothing is half-imported");

        var huge = new StringBuilder("ID,Name,Type\n");
        for (var i = 0; i <= 100_001; i++)
        {
            huge.Append("H").Append(i).Append(",Asset,Hardware\n");
        }

        var refused = await Upload(manager, "/assets/import", "huge.csv", Encoding.UTF8.GetBytes(huge.ToString()));
        (await refused.Text()).ShouldContain("more than 100,000 rows");
    }

    [Fact]
    public async Task ExportThenImport_GivesBackTheSameRegister()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = "RT-1", ["Input.Title"] = "Round trip, with \"quotes\"", ["Input.OwnerId"] = owner, ["Input.ExistingControls"] = "Backups" });
        var url = created.LocationPath().Split('?')[0];
        (await manager.Submit(await manager.Page(url), ".assess-form", RiskFlowTests.Rating(3, [4, 1, 1, 1, 1], 2, [2, 1, 1, 1, 1]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Submit(await manager.Page(url), "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Transfer", ["Input.TreatmentRationale"] = "Cyber insurance." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var before = await (await manager.Get("/risks/export.csv?q=RT-")).Content.ReadAsByteArrayAsync();
        var mapping = await UploadOk(manager, "/risks/import", "export.csv", Encoding.UTF8.GetString(before));
        (await Map(manager, mapping, "import", others: new() { ["Input.UpdateExisting"] = "true" })).LocationPath().ShouldBe("/risks?done=imported");
        var after = await (await manager.Get("/risks/export.csv?q=RT-")).Content.ReadAsByteArrayAsync();
        Encoding.UTF8.GetString(after).ShouldBe(Encoding.UTF8.GetString(before));

        // The same through Excel: the exported workbook imports back to the same register.
        var workbook = await (await manager.Get("/risks/export.xlsx?q=RT-")).Content.ReadAsByteArrayAsync();
        var uploaded = await Upload(manager, "/risks/import", "export.xlsx", workbook);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Text());
        var xlsxMapping = await manager.Page(uploaded.LocationPath());
        ((IHtmlSelectElement)xlsxMapping.QuerySelector("#map-ResidualImpact")!).SelectedOptions[0].Text.ShouldBe("Residual impact");
        (await Map(manager, xlsxMapping, "import", others: new() { ["Input.UpdateExisting"] = "true" })).LocationPath().ShouldBe("/risks?done=imported");
        Encoding.UTF8.GetString(await (await manager.Get("/risks/export.csv?q=RT-")).Content.ReadAsByteArrayAsync()).ShouldBe(Encoding.UTF8.GetString(before));
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ImportTestsOnSqlite(SqliteApp app) : ImportTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ImportTestsOnPostgreSql(PostgresApp app) : ImportTests(app.App), IClassFixture<PostgresApp>;
