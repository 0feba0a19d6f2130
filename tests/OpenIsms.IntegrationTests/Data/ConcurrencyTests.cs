using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Data;

public abstract class ConcurrencyTests(AppFactory app)
{
    [Fact]
    public async Task SavingAStaleForm_DoesNotOverwrite_SaysWhoChangedIt_AndKeepsTheTyping()
    {
        using var ada = await app.SignedIn(Roles.IsmsManager);
        using var bob = await app.SignedIn(Roles.Contributor);
        var created = await ada.SubmitAt("/context/parties/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Customers", ["Input.Origin"] = "External", ["Input.Description"] = "Original",
        });
        var edit = created.LocationPath().Split('?')[0] + "/edit";

        var adaForm = await ada.Page(edit);
        var bobForm = await bob.Page(edit);
        (await bob.Submit(bobForm, "main form", new Dictionary<string, string?> { ["Input.Description"] = "Bob's version" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = await ada.Submit(adaForm, "main form", new Dictionary<string, string?> { ["Input.Description"] = "Ada's version" });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await TestClient.Parse(stale);
        page.QuerySelector("#conflict")!.TextContent.ShouldContain("Contributor user saved a change");
        page.QuerySelector("#f-Description")!.TextContent.ShouldBe("Ada's version");
        (await ada.Page(edit)).QuerySelector("#f-Description")!.TextContent.ShouldBe("Bob's version", "nothing was overwritten");

        // Having seen the conflict, saving again is a deliberate overwrite.
        (await ada.Submit(page, "main form", new Dictionary<string, string?>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ada.Page(edit)).QuerySelector("#f-Description")!.TextContent.ShouldBe("Ada's version");
    }

    [Fact]
    public async Task DeletingARowSomeoneJustChanged_IsRefused()
    {
        using var ada = await app.SignedIn(Roles.IsmsManager);
        (await ada.SubmitAt("/context/issues/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Origin"] = "Internal", ["Input.Title"] = "Staff turnover in IT",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var register = await ada.Page("/context/issues?q=turnover");
        var row = register.QuerySelectorAll("tbody tr").Single();
        var id = row.QuerySelector("a")!.GetAttribute("href")!.Split('/').Last();

        using var bob = await app.SignedIn(Roles.Contributor);
        (await bob.SubmitAt($"/context/issues/{id}/edit", "main form", new Dictionary<string, string?> { ["Input.Title"] = "High staff turnover in IT" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refused = await ada.Submit(register, "main form[method=post]", new Dictionary<string, string?> { ["DeleteTarget"] = row.QuerySelector("button")!.GetAttribute("value") });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Text()).ShouldContain("Someone else changed this record");
        (await ada.Page("/context/issues?q=turnover")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ConcurrencyTestsOnSqlite(SqliteApp app) : ConcurrencyTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ConcurrencyTestsOnPostgreSql(PostgresApp app) : ConcurrencyTests(app.App), IClassFixture<PostgresApp>;
