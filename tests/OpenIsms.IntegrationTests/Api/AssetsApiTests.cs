using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Api;

public abstract class AssetsApiTests(AppFactory app)
{
    [Fact]
    public async Task CreateReadUpdate_WithFieldErrorsAndConflicts()
    {
        using var api = await app.ApiClient(Roles.Contributor);
        var bad = await api.PostAsJsonAsync("/api/v1/assets", new { name = "", type = "Hardware", confidentiality = 7 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("name")[0].GetString().ShouldBe("Enter the asset's name.");
        errors.GetProperty("confidentiality")[0].GetString()!.ShouldContain("between 1 and 4");

        var created = await api.PostAsJsonAsync("/api/v1/assets", new { reference = "API-A1", name = "Payroll system", type = "Software", availability = 4 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = created.Headers.Location!.ToString();
        var asset = await api.GetFromJsonAsync<JsonElement>(url);
        asset.GetProperty("type").GetString().ShouldBe("Software");
        var version = asset.GetProperty("version").GetInt32();

        (await api.PutAsJsonAsync(url, new { reference = "API-A1", name = "Payroll system (cloud)", type = "Service", version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PutAsJsonAsync(url, new { reference = "API-A1", name = "Stale", type = "Service", version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/assets?q=API-A&type=Service");
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);

        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PostAsJsonAsync("/api/v1/assets", new { name = "No", type = "Hardware" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class AssetsApiTestsOnSqlite(SqliteApp app) : AssetsApiTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class AssetsApiTestsOnPostgreSql(PostgresApp app) : AssetsApiTests(app.App), IClassFixture<PostgresApp>;
