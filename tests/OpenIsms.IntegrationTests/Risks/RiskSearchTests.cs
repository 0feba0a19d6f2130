using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Risks;

/// <summary>The register's text search goes through each provider's full-text index, kept current as risks change.</summary>
public abstract class RiskSearchTests(AppFactory app)
{
    private static string[] Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Search_FindsWordPrefixesInAnyOrder_InTitleDescriptionAndReference_AndFollowsEdits()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        async Task<string> Record(string title, string description)
        {
            var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
            {
                ["Input.Title"] = title, ["Input.Description"] = description, ["Input.OwnerId"] = owner,
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return created.LocationPath().Split('?')[0];
        }

        var ransomware = await Record("Ransomware encrypts the file server", "Attackers use a stolen admin password.");
        await Record("Laptop stolen from a car", "A sales laptop without disk encryption.");
        await Record("Supplier outage stops invoicing", "The billing provider is down for days.");

        Titles(await manager.Page("/risks?q=ransom")).ShouldBe(["Ransomware encrypts the file server"]);
        Titles(await manager.Page("/risks?q=SERVER%20ransomware")).ShouldBe(["Ransomware encrypts the file server"]);
        Titles(await manager.Page("/risks?q=stolen&sort=Title")).ShouldBe(["Laptop stolen from a car", "Ransomware encrypts the file server"]);
        Titles(await manager.Page("/risks?q=ransomware%20laptop")).ShouldBeEmpty();
        Titles(await manager.Page("/risks?q=billing")).ShouldBe(["Supplier outage stops invoicing"]);
        var reference = ransomware.Split('/').Last();
        (await manager.Page("/risks?q=" + Uri.EscapeDataString((await manager.Page(ransomware)).QuerySelector("h1")!.TextContent.Split(' ')[0])))
            .QuerySelectorAll("table tbody tr").Length.ShouldBe(1, reference);

        // Query-language operators typed by a person are words or nothing, never an error.
        foreach (var odd in new[] { "\"", "*", "NEAR(a b)", "a:*", "a & !b", "'; DROP TABLE \"Risk\"; --", "%", "-" })
        {
            (await manager.Get("/risks?q=" + Uri.EscapeDataString(odd))).StatusCode.ShouldBe(HttpStatusCode.OK, odd);
        }

        // The index follows an edit of the title.
        var edit = await manager.Page(ransomware + "/edit");
        (await manager.Submit(edit, "main form", new Dictionary<string, string?> { ["Input.Title"] = "Wiper malware destroys the file server" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Titles(await manager.Page("/risks?q=wiper")).ShouldBe(["Wiper malware destroys the file server"]);
        Titles(await manager.Page("/risks?q=ransomware")).ShouldBeEmpty();

        // The API's search is the same.
        using var api = await app.ApiClient(Roles.IsmsManager);
        (await api.GetStringAsync("/api/v1/risks?q=wiper%20serv")).ShouldContain("Wiper malware destroys the file server");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class RiskSearchTestsOnSqlite(SqliteApp app) : RiskSearchTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class RiskSearchTestsOnPostgreSql(PostgresApp app) : RiskSearchTests(app.App), IClassFixture<PostgresApp>;
