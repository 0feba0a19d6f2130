using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using static OpenIsms.IntegrationTests.Imports.ImportTests;

namespace OpenIsms.IntegrationTests.People;

/// <summary>
/// The staff list through its pages, its import and export and the API: people with or without an account, managers
/// named further down a file, the same person found by e-mail, and an export that imports back unchanged.
/// </summary>
public abstract class PeopleTests(AppFactory app)
{
    private Task<List<Person>> Everyone() => app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Person>().AsNoTracking().ToListAsync());

    private Task<int> LogEntries() => app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().CountAsync());

    [Fact]
    public async Task APerson_IsAddedOnTheForm_WithTheirAccountLinked_AndBadInputIsRefusedBesideTheField()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var refused = await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = "", ["Input.Email"] = "not an address" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await TestClient.Parse(refused);
        page.QuerySelector("#f-Name")!.Closest(".field")!.TextContent.ShouldContain("Enter the person's name.");
        page.QuerySelector("#f-Email")!.Closest(".field")!.TextContent.ShouldContain("Enter an e-mail address such as");

        // The contributor's account has this address: the person is linked to it.
        var added = await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Cora Contributor", ["Input.Email"] = AppFactory.EmailOf(Roles.Contributor).ToUpperInvariant(), ["Input.Department"] = "Operations",
            ["Input.JobTitle"] = "Service desk lead", ["Input.StartDate"] = "2023-04-01",
        });
        added.LocationPath().ShouldBe("/people?done=added");
        var cora = (await Everyone()).Single(p => p.Name == "Cora Contributor");
        cora.UserId.ShouldBe(await app.UserId(Roles.Contributor));
        var shown = await manager.Page($"/people/{cora.Id}");
        shown.QuerySelector("main")!.TextContent.ShouldContain("Service desk lead");

        // The same address twice is refused; a leaving date before the start too.
        var twice = await TestClient.Parse(await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = "Someone else", ["Input.Email"] = AppFactory.EmailOf(Roles.Contributor) }));
        twice.QuerySelector("#f-Email")!.Closest(".field")!.TextContent.ShouldContain("is already on the list");
        var edit = await manager.Page($"/people/{cora.Id}/edit");
        var early = await TestClient.Parse(await manager.Submit(edit, "main form", new Dictionary<string, string?> { ["Input.LeavingDate"] = "2023-01-31" }));
        early.QuerySelector("#f-LeavingDate")!.Closest(".field")!.TextContent.ShouldContain("cannot be before the start date");

        // A viewer does not see the staff list (names and e-mail addresses); an auditor does, but cannot change it.
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/people")).LocationPath().ShouldStartWith("/account/access-denied");
        using var auditor = await app.SignedIn(Roles.Auditor);
        (await auditor.Get("/people")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.Get("/people/new")).LocationPath().ShouldStartWith("/account/access-denied");
    }

    [Fact]
    public async Task TheStaffList_ImportsAsHrExportsIt_AndItsExportImportsBackUnchanged()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        // German headers, managers named further down the file (by name and by e-mail), dotted day-first dates.
        var csv = """
            Name;E-Mail;Abteilung;Funktion;Vorgesetzter;Eintrittsdatum;Austrittsdatum
            Paul Payroll;paul@example.org;Finance;Payroll clerk;Fiona Finance;1.3.2021;
            Fiona Finance;fiona@example.org;Finance;Head of finance;ceo@example.org;15.1.2019;
            Carl CEO;ceo@example.org;Board;Managing director;;1.1.2015;
            Lena Leaver;lena@example.org;Sales;Account manager;Carl CEO;1.6.2020;31.1.2024
            """;
        var mapping = await UploadOk(manager, "/people/import", "mitarbeiter.csv", csv);
        var report = await TestClient.Parse(await Map(manager, mapping, "check"));
        report.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent.Trim()).ShouldBeEmpty();
        (await Map(manager, mapping, "import", others: new() { ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/people?done=imported");

        var people = (await Everyone()).ToDictionary(p => p.Name);
        people["Paul Payroll"].ManagerId.ShouldBe(people["Fiona Finance"].Id);
        people["Fiona Finance"].ManagerId.ShouldBe(people["Carl CEO"].Id);
        people["Paul Payroll"].StartDate.ShouldBe(new DateOnly(2021, 3, 1));
        people["Lena Leaver"].LeavingDate.ShouldBe(new DateOnly(2024, 1, 31));
        var list = await manager.Page("/people?q=example.org");
        list.QuerySelector("main table")!.TextContent.ShouldNotContain("Lena Leaver", customMessage: "someone who left is not current staff");
        (await manager.Page("/people?q=example.org&staff=Left")).QuerySelector("main table")!.TextContent.ShouldContain("Lena Leaver");

        // The export (everyone) comes back as it went, and the re-import records nothing.
        var exported = await (await manager.Get("/people/export.csv?q=example.org&staff=Everyone")).Content.ReadAsStringAsync();
        exported.ShouldContain("Paul Payroll,paul@example.org,Finance,Payroll clerk,fiona@example.org,2021-03-01,");
        var logged = await LogEntries();
        var again = await UploadOk(manager, "/people/import", "people.csv", exported.TrimStart('\uFEFF'));
        var check = await TestClient.Parse(await Map(manager, again, "check", others: new() { ["Input.UpdateExisting"] = "true" }));
        check.QuerySelectorAll("#report tbody tr").Select(r => r.TextContent.Trim()).ShouldBeEmpty();
        (await Map(manager, again, "import", others: new() { ["Input.UpdateExisting"] = "true", ["Input.RememberProfile"] = "false" })).LocationPath().ShouldBe("/people?done=imported");
        (await LogEntries()).ShouldBe(logged, "an unchanged staff list records nothing");
        (await (await manager.Get("/people/export.csv?q=example.org&staff=Everyone")).Content.ReadAsStringAsync()).ShouldBe(exported);

        // Deleting a manager entered by mistake leaves the people they managed on the list, without a manager; the log keeps both.
        var fiona = await manager.Page($"/people/{people["Fiona Finance"].Id}");
        fiona.QuerySelector("main")!.TextContent.ShouldContain("Paul Payroll", customMessage: "the people she manages");
        (await manager.Submit(fiona, "#delete-person", new Dictionary<string, string?>())).LocationPath().ShouldBe("/people?done=deleted");
        var after = (await Everyone()).ToDictionary(p => p.Name);
        after.ShouldNotContainKey("Fiona Finance");
        after["Paul Payroll"].ManagerId.ShouldBeNull();

        // A manager nobody knows, and a person already on the list without "update", are problems with their rows.
        var bad = await UploadOk(manager, "/people/import", "more.csv", "Name,Email,Manager\nNew Hire,new@example.org,Nobody Known\nPaul Payroll,paul@example.org,\n");
        var problems = (await TestClient.Parse(await Map(manager, bad, "check"))).QuerySelectorAll("#report tbody tr").Select(r => r.TextContent).ToList();
        problems.ShouldContain(p => p.Contains("\"Nobody Known\" is not on the list or in the file", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("Paul Payroll is already on the list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApi_ListsAddsAndChangesPeople_WithTheSameRules()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var created = await api.PostAsJsonAsync("/api/v1/people", new { name = "Api Person", email = "api.person@example.org", department = "IT" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.ToString();
        using (var one = JsonDocument.Parse(await api.GetStringAsync(location)))
        {
            one.RootElement.GetProperty("department").GetString().ShouldBe("IT");
            var version = one.RootElement.GetProperty("version").GetInt32();
            (await api.PutAsJsonAsync(location, new { name = "Api Person", email = "api.person@example.org", department = "Security", version })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PutAsJsonAsync(location, new { name = "Api Person", email = "api.person@example.org", department = "Stale", version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        (await api.PostAsJsonAsync("/api/v1/people", new { name = "Twin", email = "api.person@example.org" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/people?q=api.person"));
        list.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("department").GetString().ShouldBe("Security");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class PeopleTestsOnSqlite(SqliteApp app) : PeopleTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class PeopleTestsOnPostgreSql(PostgresApp app) : PeopleTests(app.App), IClassFixture<PostgresApp>;
