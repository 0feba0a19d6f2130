using System.Net;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

public abstract class SetupTests(AppFactory app)
{
    [Fact]
    public async Task FirstRun_SetupCreatesAdministrator_ThenSetupIsGone()
    {
        using var client = app.NewClient();
        (await client.Get("/")).LocationPath().ShouldBe("/setup");
        (await client.Get("/scope")).LocationPath().ShouldBe("/setup");

        var page = await client.Page("/setup");
        var mismatch = await client.Submit(page, "main form", new Dictionary<string, string?>
        {
            ["Input.OrganisationName"] = "", ["Input.DisplayName"] = "Grace", ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        var errors = await TestClient.Parse(mismatch);
        errors.QuerySelector(".error-summary").ShouldNotBeNull();
        errors.QuerySelector("#f-OrganisationName")!.ParentElement!.TextContent.ShouldContain("Enter your organisation's name.");
        errors.QuerySelector("#f-Email")!.ParentElement!.TextContent.ShouldContain("right format");
        ((AngleSharp.Html.Dom.IHtmlInputElement)errors.QuerySelector("#f-DisplayName")!).Value.ShouldBe("Grace", "what the user typed survives");

        var created = await client.Submit(await client.Page("/setup"), "main form", new Dictionary<string, string?>
        {
            ["Input.OrganisationName"] = "Hopper & Co", ["Input.DisplayName"] = "Grace Hopper", ["Input.Email"] = "grace@example.test",
            ["Input.Password"] = "cobol-1959-rules", ["Input.ConfirmPassword"] = "cobol-1959-rules",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.LocationPath().ShouldBe("/?welcome=1");

        var home = await client.Page("/?welcome=1");
        home.QuerySelector(".org")!.TextContent.ShouldBe("Hopper & Co");
        home.Body!.TextContent.ShouldContain("Welcome, Grace Hopper");

        using var stranger = app.NewClient();
        (await stranger.Get("/setup")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Get("/")).LocationPath().ShouldStartWith("/account/login");
    }
}

public sealed class SetupTestsOnSqlite(EmptySqliteApp app) : SetupTests(app), IClassFixture<EmptySqliteApp>;

public sealed class SetupTestsOnPostgreSql(EmptyPostgresApp app) : SetupTests(app), IClassFixture<EmptyPostgresApp>;
