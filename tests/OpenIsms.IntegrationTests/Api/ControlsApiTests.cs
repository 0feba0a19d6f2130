using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Api;

public abstract class ControlsApiTests(AppFactory app)
{
    [Fact]
    public async Task Controls_AndSoaDecisions_ThroughTheApi()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var unknown = await api.PostAsJsonAsync("/api/v1/controls", new { name = "Backups", type = "Preventive", frequency = "Daily", status = "Operating", implements = new[] { "A.99.1" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requirementIds")[0].GetString()!.ShouldContain("Annex A");

        var created = await api.PostAsJsonAsync("/api/v1/controls", new { reference = "API-C1", name = "Nightly backups", type = "Preventive", frequency = "Daily", status = "Operating", implements = new[] { "A.8.13" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var control = await api.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        control.GetProperty("implements")[0].GetString().ShouldBe("A.8.13");

        var noReason = await api.PutAsJsonAsync("/api/v1/soa/A.8.16", new { applicable = false });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("exclusionJustification")[0].GetString()!.ShouldContain("not applicable");
        (await api.PutAsJsonAsync("/api/v1/soa/A.8.13", new { applicable = true, reasons = new[] { "BusinessNeed" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var soa = await api.GetFromJsonAsync<JsonElement>("/api/v1/soa");
        var row = soa.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("row").GetProperty("code").GetString() == "A.8.13");
        row.GetProperty("row").GetProperty("status").GetString().ShouldBe("Operating");
        row.GetProperty("row").GetProperty("implementedBy")[0].GetString().ShouldBe("API-C1");

        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PutAsJsonAsync("/api/v1/soa/A.8.13", new { applicable = true, reasons = new[] { "BestPractice" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ControlsApiTestsOnSqlite(SqliteApp app) : ControlsApiTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ControlsApiTestsOnPostgreSql(PostgresApp app) : ControlsApiTests(app.App), IClassFixture<PostgresApp>;
