using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Risks;

namespace OpenIsms.IntegrationTests.Api;

/// <summary>/api/v1 for risks: personal tokens, the pages' permissions, problem details for every failure.</summary>
public abstract class RisksApiTests(AppFactory app)
{
    [Fact]
    public async Task WithoutAValidToken_Answers401_AsProblemDetails()
    {
        using var anonymous = app.CreateClient();
        var none = await anonymous.GetAsync("/api/v1/risks");
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "oim_not-a-real-token");
        (await anonymous.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A session cookie does not open the API: only tokens do, so a page cannot be used to forge API calls.
        using var browser = await app.SignedIn(Roles.IsmsManager);
        (await browser.Get("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_Read_Update_Assess_WithTheRulesOfThePages()
    {
        await Methodology.EnsureApproved(app);
        using var api = await app.ApiClient(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);

        var invalid = await api.PostAsJsonAsync("/api/v1/risks", new { title = "", ownerId = "" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("Enter a short title for the risk.");
        problem.GetProperty("errors").GetProperty("ownerId")[0].GetString()!.ShouldContain("risk owner");

        var created = await api.PostAsJsonAsync("/api/v1/risks", new { reference = "API-1", title = "Stolen laptop", ownerId = owner, description = "<script>x</script>" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var location = created.Headers.Location!.ToString();

        var risk = await api.GetFromJsonAsync<JsonElement>(location);
        risk.GetProperty("reference").GetString().ShouldBe("API-1");
        risk.GetProperty("description").GetString().ShouldBe("<script>x</script>");
        var version = risk.GetProperty("version").GetInt32();

        // Somebody changes it on the page; the API's stale update is refused with who and when.
        (await api.PutAsJsonAsync(location, new { reference = "API-1", title = "Stolen laptop (updated)", ownerId = owner, version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await api.PutAsJsonAsync(location, new { reference = "API-1", title = "Lost laptop", ownerId = owner, version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changedBy").GetString().ShouldBe("ISMS manager user");

        var methodology = await api.GetFromJsonAsync<JsonElement>("/api/v1/methodology");
        var areas = methodology.GetProperty("ratedAreas").GetArrayLength();
        risk = await api.GetFromJsonAsync<JsonElement>(location);
        version = risk.GetProperty("version").GetInt32();
        var outside = await api.PostAsJsonAsync(location + "/assessments", new
        {
            inherent = new { likelihood = 6, impacts = Enumerable.Repeat(3, areas) }, residual = new { likelihood = 2, impacts = Enumerable.Repeat(2, areas) }, version,
        });
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("Choose a likelihood between 1 and 5");

        (await api.PostAsJsonAsync(location + "/assessments", new
        {
            inherent = new { likelihood = 4, impacts = Enumerable.Repeat(4, areas) }, residual = new { likelihood = 2, impacts = Enumerable.Repeat(2, areas) }, version,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        risk = await api.GetFromJsonAsync<JsonElement>(location);
        risk.GetProperty("assessments")[0].GetProperty("inherent").GetProperty("level").GetString().ShouldBe("High");

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/risks?q=laptop&pageSize=25");
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("residualScore").GetInt32().ShouldBe(4);

        (await api.GetAsync("/api/v1/risks/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknown = await api.GetAsync("/api/v1/nothing-here");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AViewersToken_Reads_ButCannotWrite_AndARevokedTokenStops()
    {
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await viewer.PostAsJsonAsync("/api/v1/risks", new { title = "Nope", ownerId = "x" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var browser = await app.SignedIn(Roles.Viewer);
        var tokens = await browser.Page("/account/api-tokens");
        var revoke = tokens.QuerySelector("button[name=RevokeId]")!.GetAttribute("value");
        (await browser.Submit(tokens, "form[method=post]:has(button[name=RevokeId])", new Dictionary<string, string?> { ["RevokeId"] = revoke })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheEndpoints()
    {
        using var anonymous = app.CreateClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/risks", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/risks/{id}/assessments", out _).ShouldBeTrue();
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class RisksApiTestsOnSqlite(SqliteApp app) : RisksApiTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class RisksApiTestsOnPostgreSql(PostgresApp app) : RisksApiTests(app.App), IClassFixture<PostgresApp>;
