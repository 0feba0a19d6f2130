using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>Malformed query values on every page and endpoint of the route table: a page, a 400 or a 404 — never a 500.</summary>
public abstract partial class MalformedQueryTests(AppFactory app)
{
    // Names the API and the exports read themselves, beside every name a page declares.
    private static readonly string[] OwnNames = ["page", "pageSize", "size", "desc", "sort", "level", "from", "to", "l", "i", "q", "owner", "status", "treatment",
        "state", "kind", "controlId", "asset", "overdue", "annex", "version", "theme", "attribute", "type", "user", "returnUrl", "remapped", "evidence"];

    private static readonly string[] Malformed = ["abc", "2147483648", "maybe", "-1", "", "%E3%80%80", "1e9999", "00000000-0000"];

    [Fact]
    public async Task EveryRoute_WithMalformedQueryValues_AnswersWithoutAServerError()
    {
        await Risks.Methodology.EnsureApproved(app);
        using var admin = await app.SignedIn(Roles.Administrator);
        using var api = await app.ApiClient(Roles.Administrator);
        var names = OpenIsms.Web.Infrastructure.QueryParameterGuard.DeclaredParameters.Keys.Concat(OwnNames).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var routes = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        routes.Count.ShouldBeGreaterThan(40);

        var failures = new List<string>();
        foreach (var route in routes.Where(r => r != "/account/logout"))
        {
            // Route values as a mistyped link would give them; the constraints answer 404, never 500.
            var path = RouteValue().Replace(route, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "2147483648" : m.Value.Contains("guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "A.5.1");
            foreach (var value in Malformed)
            {
                var url = path + "?" + string.Join('&', names.Select(n => $"{n}={value}"));
                var response = path.StartsWith("/api/", StringComparison.Ordinal) ? await api.GetAsync(url) : await admin.Get(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {url}");
                }
                else if (path.StartsWith("/api/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.BadRequest)
                {
                    response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task ThePagesNamedInTheReport_IgnoreTheBadValue_AndShowThePage()
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        foreach (var url in new[] { "/risks?page=abc", "/risks?page=2147483648", "/risks?desc=maybe", "/risks?level=abc", "/activity?from=abc", "/activity?page=abc", "/assets?desc=maybe&page=-3" })
        {
            (await admin.Get(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task AnAssessmentWithNullRatings_IsA400_WithTheFieldsNamed()
    {
        await Risks.Methodology.EnsureApproved(app);
        using var api = await app.ApiClient(Roles.IsmsManager);
        var created = await api.PostAsync("/api/v1/risks", JsonContent.Create(new { title = "Null ratings", ownerId = await app.UserId(Roles.IsmsManager) }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var answer = await api.PostAsync(created.Headers.Location + "/assessments", new StringContent("""{"inherent":null,"residual":null,"version":1}""", System.Text.Encoding.UTF8, "application/json"));
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await answer.Content.ReadAsStringAsync();
        body.ShouldContain("inherent", Case.Insensitive);
        body.ShouldContain("residual", Case.Insensitive);
        var likelihoodNull = await api.PostAsync(created.Headers.Location + "/assessments", new StringContent("""{"inherent":{"likelihood":null},"residual":{"likelihood":2,"impacts":[1]},"version":1}""", System.Text.Encoding.UTF8, "application/json"));
        likelihoodNull.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AReturnAddressWithAnIdeographicSpace_SignsInToMyWork()
    {
        using var client = app.NewClient();
        var page = await client.Page("/account/login?ReturnUrl=%2F%E3%80%80risks");
        var signedIn = await client.Submit(page, "main form", new Dictionary<string, string?> { ["Input.Email"] = AppFactory.EmailOf(Roles.Viewer), ["Input.Password"] = AppFactory.Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.LocationPath().ShouldBe("/");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}

[Collection(SharedHosts.Sqlite)]
public sealed class MalformedQueryTestsOnSqlite(SqliteApp app) : MalformedQueryTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class MalformedQueryTestsOnPostgreSql(PostgresApp app) : MalformedQueryTests(app.App), IClassFixture<PostgresApp>;

[Collection(SharedHosts.Sqlite)]
public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class BadInputTestsOnPostgreSql(PostgresApp app) : BadInputTests(app.App), IClassFixture<PostgresApp>;
