using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Context;

public abstract class ContextTests(AppFactory app)
{
    [Fact]
    public async Task InterestedParty_WithRequirements_IsListedWithWhatIsNotAddressed()
    {
        using var client = await app.SignedIn(Roles.Contributor);
        var created = await client.SubmitAt("/context/parties/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Data protection authority", ["Input.Origin"] = "External",
        });
        var partyUrl = created.LocationPath().Split('?')[0];
        partyUrl.ShouldStartWith("/context/parties/");

        var refused = await client.SubmitAt(partyUrl + "/requirements/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Description"] = "Report personal-data breaches within 72 hours", ["Input.Source"] = "Legal", ["Input.AddressedByIsms"] = null,
        });
        (await refused.Text()).ShouldContain("Explain why the ISMS does not address this requirement.");

        (await client.SubmitAt(partyUrl + "/requirements/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Description"] = "Report personal-data breaches within 72 hours", ["Input.Source"] = "Legal", ["Input.AddressedByIsms"] = "true",
            ["Input.Treatment"] = "Incident procedure IR-2",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitAt(partyUrl + "/requirements/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Description"] = "Appoint a representative in the EU", ["Input.Source"] = "Regulatory", ["Input.AddressedByIsms"] = null,
            ["Input.Treatment"] = "Handled by the legal department, outside the ISMS",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var list = await client.Page("/context/parties?open=true&source=Legal&q=authority");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Data protection authority", StringComparison.Ordinal));
        row.TextContent.ShouldContain("1 of 2");

        using var viewer = await app.SignedIn(Roles.Viewer);
        var detail = await viewer.Page(partyUrl);
        detail.QuerySelectorAll("tbody tr").Length.ShouldBe(2);
        detail.QuerySelector("main button[type=submit], main a[href$=\"/edit\"]").ShouldBeNull("a viewer sees no edit or delete controls");
    }

    [Fact]
    public async Task ContextIssue_IsRecorded_FilteredAndDeleted()
    {
        using var client = await app.SignedIn(Roles.IsmsManager);
        var created = await client.SubmitAt("/context/issues/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Origin"] = "External", ["Input.Title"] = "Heatwaves threaten the server room", ["Input.Effect"] = "Risk",
            ["Input.ClimateRelated"] = "true", ["Input.Response"] = "Risk R-7",
        });
        created.LocationPath().ShouldBe("/context/issues?done=added");
        var climate = await client.Page("/context/issues?climate=true&origin=External");
        var row = climate.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Heatwaves", StringComparison.Ordinal));
        row.TextContent.ShouldContain("Climate");
        (await client.Page("/context/issues?origin=Internal")).Body!.TextContent.ShouldNotContain("Heatwaves");

        var deleteButton = row.QuerySelector("button[name=DeleteTarget]")!;
        var deleted = await client.Submit(climate, "main form[method=post]", new Dictionary<string, string?> { ["DeleteTarget"] = deleteButton.GetAttribute("value") });
        deleted.LocationPath().ShouldBe("/context/issues?done=deleted");
        (await client.Page("/context/issues")).Body!.TextContent.ShouldNotContain("Heatwaves");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ContextTestsOnSqlite(SqliteApp app) : ContextTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ContextTestsOnPostgreSql(PostgresApp app) : ContextTests(app.App), IClassFixture<PostgresApp>;
