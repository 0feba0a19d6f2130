using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Assets;

public abstract class AssetTests(AppFactory app)
{
    private static Dictionary<string, string?> Asset(string name, string type, string c = "2", string i = "2", string a = "2", string? reference = null) => new()
    {
        ["Input.Reference"] = reference, ["Input.Name"] = name, ["Input.Type"] = type, ["Input.Confidentiality"] = c, ["Input.Integrity"] = i, ["Input.Availability"] = a,
    };

    private static async Task<string> Add(TestClient client, Dictionary<string, string?> fields)
    {
        var created = await client.SubmitAt("/assets/new", "main form", fields);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Text());
        return created.LocationPath().Split('?')[0];
    }

    [Fact]
    public async Task Inventory_Dependencies_InheritedNeed_AndDeletion()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var database = await Add(manager, Asset("Customer database <i>prod</i>", "Information", c: "4", i: "3", a: "3", reference: "INV-DB"));
        var server = await Add(manager, Asset("Database server", "Hardware", c: "2", i: "2", a: "2", reference: "INV-SRV"));

        // The identifier is unique, and the message says who has it.
        var duplicate = await manager.SubmitAt("/assets/new", "main form", Asset("Another", "Software", reference: "INV-DB"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(duplicate)).QuerySelector("#f-Reference")!.Closest(".field")!.TextContent.ShouldContain("already used by the asset");

        // A value outside 1–4 is refused beside its field.
        var outside = await manager.SubmitAt("/assets/new", "main form", Asset("Odd", "Software", c: "9"));
        (await TestClient.Parse(outside)).QuerySelector("#f-Confidentiality")!.Closest(".field")!.TextContent.ShouldContain("between 1 and 4");

        // The database runs on the server: the server inherits the database's confidentiality need.
        var page = await manager.Page(database);
        var serverId = server.Split('/').Last();
        (await manager.Submit(page, "#dependencies form", new Dictionary<string, string?> { ["Dependency.DependsOnId"] = serverId, ["Dependency.Note"] = "runs on" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var serverPage = await manager.Page(server);
        serverPage.QuerySelector("main")!.TextContent.ShouldContain("4 · Very high");
        serverPage.QuerySelector("main")!.TextContent.ShouldContain("from INV-DB");
        serverPage.QuerySelector("h1")!.TextContent.ShouldContain("INV-SRV");
        (await manager.Page(database)).QuerySelector("h1")!.TextContent.ShouldContain("Customer database <i>prod</i>");

        // The reverse dependency would be a loop.
        var loop = await manager.Submit(serverPage, "#dependencies details form", new Dictionary<string, string?> { ["Dependency.DependsOnId"] = database.Split('/').Last() });
        loop.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await loop.Text()).ShouldContain("would make a loop");

        // Filters and paging happen in the register.
        (await manager.Page("/assets?q=INV-&type=Hardware")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        (await manager.Page("/assets?owner=none&q=INV-")).QuerySelectorAll("tbody tr").Length.ShouldBe(2);

        // Deleting the server takes its dependency with it, both in the activity log.
        var delete = await manager.Page(server);
        (await manager.Submit(delete, "form:has(button[name=DeleteAssetTarget])", new Dictionary<string, string?> { ["DeleteAssetTarget"] = delete.QuerySelector("button[name=DeleteAssetTarget]")!.GetAttribute("value") }))
            .LocationPath().ShouldBe("/assets?done=deleted");
        var deletions = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>()
            .Where(e => (e.EntityType == "Asset" || e.EntityType == "AssetDependency") && e.Action == "Deleted").Select(e => e.EntityType).ToListAsync());
        deletions.ShouldContain("Asset");
        deletions.ShouldContain("AssetDependency");

        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/assets/new")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Page(database)).QuerySelectorAll("main form").Length.ShouldBe(0);
    }

    [Fact]
    public async Task RenamingAClassificationLevel_RenamesItOnAssets_AndAUsedLevelCannotBeDeleted()
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        var asset = await Add(admin, new Dictionary<string, string?>(Asset("HR files", "Information", reference: "CL-1")) { ["Input.Classification"] = "Restricted" });
        var scheme = await admin.Page("/settings/classification");
        var restricted = scheme.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Restricted", StringComparison.Ordinal));
        var refused = await admin.Submit(scheme, "form:has(button[name=DeleteLevelTarget])", new Dictionary<string, string?> { ["DeleteLevelTarget"] = restricted.QuerySelector("button")!.GetAttribute("value") });
        (await refused.Text()).ShouldContain("classified Restricted");

        var edit = await admin.Page(restricted.QuerySelector("a[href*='edit=']")!.GetAttribute("href")!);
        (await admin.Submit(edit, "#level form", new Dictionary<string, string?> { ["Input.Name"] = "Strictly confidential" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.Page(asset)).QuerySelector("main")!.TextContent.ShouldContain("Strictly confidential");
    }

    [Fact]
    public async Task TheStarterCatalogue_IsAddedOnce()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var first = await manager.SubmitAt("/risks/catalogues", "form:has(button.button-secondary)", new Dictionary<string, string?>());
        first.LocationPath().ShouldStartWith("/risks/catalogues");
        var page = await manager.Page("/risks/catalogues?kind=Threats&q=ransomware");
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        var again = await manager.SubmitAt("/risks/catalogues", "form:has(button.button-secondary)", new Dictionary<string, string?>());
        again.Headers.Location!.ToString().ShouldContain("added=0");
        (await manager.Page("/risks/catalogues?kind=Vulnerabilities")).QuerySelector(".pager")!.TextContent.ShouldContain("of 30");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class AssetTestsOnSqlite(SqliteApp app) : AssetTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class AssetTestsOnPostgreSql(PostgresApp app) : AssetTests(app.App), IClassFixture<PostgresApp>;
