using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Risks;

/// <summary>The threat and vulnerability catalogues: the starter set, and the filter the address carries.</summary>
public abstract class ThreatCatalogueTests(AppFactory app)
{
    private static string[] Column(AngleSharp.Dom.IDocument page, int column) =>
        page.QuerySelectorAll($"table tbody tr td:nth-child({column})").Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task TheStarterCatalogues_AreFilteredByKindGroupAndText_AndAnEntryOpensForEditing()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var added = await manager.Submit(await manager.Page("/risks/catalogues"), "form:has(input[name=_handler][value=starters])", new Dictionary<string, string?>());
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.LocationPath().ShouldStartWith("/risks/catalogues?kind=Threats&added=");

        var software = await manager.Page("/risks/catalogues?kind=vulnerabilities&group=Software");
        Column(software, 1).ShouldNotBeEmpty();
        Column(software, 1).ShouldAllBe(g => g == "Software");
        software.QuerySelector("select#group option[selected]")!.TextContent.ShouldBe("Software");
        software.QuerySelector("input[name=kind]")!.GetAttribute("value").ShouldBe("Vulnerabilities");

        var threats = await manager.Page("/risks/catalogues");
        var name = Column(threats, 2).First();
        var found = await manager.Page("/risks/catalogues?kind=Threats&q=" + Uri.EscapeDataString(name));
        Column(found, 2).ShouldContain(name);
        found.QuerySelector("input#q")!.GetAttribute("value").ShouldBe(name);
        (await manager.Page("/risks/catalogues?kind=Threats&q=zzzz-nothing")).QuerySelector(".empty-state")!.TextContent.ShouldContain("Nothing matches");

        // A value that does not parse is no filter: the threat catalogue, whole.
        Column(await manager.Page("/risks/catalogues?kind=Dragons&page=x"), 2).ShouldBe(Column(threats, 2));

        var edit = threats.QuerySelector("td.row-actions a")!.GetAttribute("href")!;
        edit.ShouldStartWith("/risks/catalogues?kind=Threats&edit=");
        (await manager.Page(edit)).QuerySelector("#entry input[name='Input.Name']")!.GetAttribute("value").ShouldBe(name);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ThreatCatalogueTestsOnSqlite(SqliteApp app) : ThreatCatalogueTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ThreatCatalogueTestsOnPostgreSql(PostgresApp app) : ThreatCatalogueTests(app.App), IClassFixture<PostgresApp>;
