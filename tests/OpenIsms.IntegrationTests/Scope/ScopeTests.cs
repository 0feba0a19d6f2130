using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Scope;

public abstract class ScopeTests(AppFactory app)
{
    private static Dictionary<string, string?> Statement(string text, string climate = "NotRelevant", string? rationale = "Fully remote, cloud hosted.") => new()
    {
        ["Input.Statement"] = text, ["Input.ClimateChange"] = climate, ["Input.ClimateChangeRationale"] = rationale,
    };

    [Fact]
    public async Task Scope_EditApproveRevise_KeepsApprovedVersionsReadable()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var saved = await manager.SubmitAt("/scope/edit", "main form", Statement("All SaaS operations of Acme from Berlin."));
        saved.LocationPath().ShouldBe("/scope?done=saved");

        var item = await manager.SubmitAt("/scope/items/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Location", ["Input.Name"] = "Paris sales office", ["Input.InScope"] = null, ["Input.Justification"] = "",
        });
        (await TestClient.Parse(item)).QuerySelector("#f-Justification")!.ParentElement!.TextContent
            .ShouldContain("Enter a justification for excluding Paris sales office.");
        (await manager.SubmitAt("/scope/items/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Location", ["Input.Name"] = "Paris sales office", ["Input.Justification"] = "Sales only; no customer data.",
        })).LocationPath().ShouldBe("/scope?done=added");

        var scope = await manager.Page("/scope");
        (await manager.Submit(scope, "form.approve-bar", new Dictionary<string, string?>())).LocationPath().ShouldBe("/scope?done=approved");
        var approved = await manager.Page("/scope");
        approved.QuerySelector(".approval")!.TextContent.ShouldContain("ISMS manager user");
        approved.QuerySelector("h1 .badge")!.TextContent.ShouldBe("Approved");

        // Approved is frozen: editing is refused until a new version is started.
        var frozen = await manager.Get("/scope/edit");
        (await frozen.Text()).ShouldNotContain("Sneaky change");

        (await manager.Submit(approved, "form.approve-bar", new Dictionary<string, string?>())).LocationPath().ShouldBe("/scope?done=revised");
        (await manager.SubmitAt("/scope/edit", "main form", Statement("All operations of Acme, Berlin and Paris."))).LocationPath().ShouldBe("/scope?done=saved");

        var v1 = await manager.Page("/scope/versions/1");
        v1.QuerySelector(".prose")!.TextContent.ShouldBe("All SaaS operations of Acme from Berlin.");
        v1.Body!.TextContent.ShouldContain("Paris sales office");
        var v2 = await manager.Page("/scope");
        v2.QuerySelector(".prose")!.TextContent.ShouldBe("All operations of Acme, Berlin and Paris.");
        v2.QuerySelector("h1 .badge")!.TextContent.ShouldBe("Draft");
        v2.Body!.TextContent.ShouldContain("Paris sales office", customMessage: "items are carried into the new version");
        (await manager.Get("/scope/versions/99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Viewer_CannotEditOrApprove_ButCanRead()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/scope")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.Get("/scope/edit")).LocationPath().ShouldStartWith("/account/access-denied");

        // A post crafted from another user's form is refused too.
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var form = await manager.Page("/scope/edit");
        var crafted = await viewer.Submit(form, "main form", Statement("Viewer was here"));
        crafted.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await (await manager.Get("/scope")).Text()).ShouldNotContain("Viewer was here");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ScopeTestsOnSqlite(SqliteApp app) : ScopeTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ScopeTestsOnPostgreSql(PostgresApp app) : ScopeTests(app.App), IClassFixture<PostgresApp>;
