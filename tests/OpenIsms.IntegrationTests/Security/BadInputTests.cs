using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Security;

public abstract class BadInputTests(AppFactory app)
{
    [Fact]
    public async Task ScriptInTextFields_IsShownAsText_NeverRun()
    {
        using var client = await app.SignedIn(Roles.Contributor);
        const string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var saved = await client.SubmitAt("/context/parties/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = evil, ["Input.Origin"] = "External", ["Input.Description"] = evil,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await (await client.Get(saved.LocationPath())).Text();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        var activity = await (await client.Get("/activity")).Text();
        activity.ShouldNotContain("<script>alert");
    }

    [Fact]
    public async Task EmptyAndOverlongFields_GetMessagesBesideTheField_AndKeepWhatWasTyped()
    {
        using var client = await app.SignedIn(Roles.Contributor);
        var response = await client.SubmitAt("/context/issues/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "", ["Input.Category"] = new string('c', 101), ["Input.Description"] = "Kept text", ["Input.Origin"] = "Internal",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await TestClient.Parse(response);
        page.QuerySelector(".error-summary")!.TextContent.ShouldContain("Enter a short title for the issue.");
        page.QuerySelector("#f-Title")!.ParentElement!.QuerySelector(".error-message")!.TextContent.ShouldContain("Enter a short title");
        page.QuerySelector("#f-Category")!.ParentElement!.TextContent.ShouldContain("100 characters or fewer");
        page.QuerySelector("#f-Description")!.TextContent.ShouldBe("Kept text");
    }

    [Fact]
    public async Task NothingChosenInAListOfChoices_GetsAMessage_NotAnError()
    {
        // A browser sends no field at all for unticked boxes and an empty multiple select.
        using var admin = await app.SignedIn(Roles.Administrator);
        var noRoles = await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Nora Noroles", ["Input.Email"] = "nora@example.test", ["Input.Password"] = "a-long-password-1",
        });
        noRoles.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noRoles.Text()).ShouldContain("Choose at least one role.");

        using var manager = await app.SignedIn(Roles.IsmsManager);
        var noAssets = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Title"] = "No assets chosen" });
        noAssets.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noAssets.Text()).ShouldContain("Choose the risk owner");
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        using var client = await app.SignedIn(Roles.IsmsManager);
        var response = await client.Http.PostAsync("/context/issues/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "context-issue", ["Input.Title"] = "Forged", ["Input.Origin"] = "Internal",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Text()).ShouldContain("The request could not be processed");
        (await (await client.Get("/context/issues?q=Forged")).Text()).ShouldNotContain(">Forged<");
    }

    [Theory]
    [InlineData("/context/issues/00000000-0000-0000-0000-000000000001")]
    [InlineData("/context/parties/00000000-0000-0000-0000-000000000001")]
    [InlineData("/context/issues/not-a-guid")]
    [InlineData("/catalogue/Z.99")]
    [InlineData("/no/such/page")]
    [InlineData("/history/ContextIssue/nothing")]
    public async Task UnknownOrMalformedIds_GetAFriendlyNotFoundPage(string url)
    {
        using var client = await app.SignedIn(Roles.Viewer);
        var response = await client.Get(url);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Text();
        html.ShouldContain("Page not found");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain("   at ");
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgreSql(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
