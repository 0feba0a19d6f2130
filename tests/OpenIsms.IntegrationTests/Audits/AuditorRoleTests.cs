using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Audits;

/// <summary>
/// Auditors are the organisation's internal auditors (clause 9.2.2): once the ISMS role "Internal auditor" is held by
/// someone, a lead auditor or team member who does not hold it is refused beside the field, on the page and in the API;
/// its holder (matched by e-mail to the people register) is accepted.
/// </summary>
public abstract class AuditorRoleTests(AppFactory app)
{
    [Fact]
    public async Task OnceTheRoleIsHeld_OnlyItsHoldersMayAudit()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var today = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Clock.Today().AsTask());
        var adminId = await app.UserId(Roles.Administrator);
        var auditorId = await app.UserId(Roles.Auditor);
        object Plan(string title, string lead, params string[] team) => new
        {
            title, plannedStart = today, plannedEnd = today.AddDays(1), leadAuditorId = lead, auditorIds = team, competenceEvidence = "Internal auditor course 2025", items = new[] { "Clause:9.1" },
        };

        // Nobody holds the role yet: any user who may conduct audits may lead one.
        (await api.PostAsJsonAsync("/api/v1/audits", Plan("Before the role", adminId))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var person = await api.PostAsJsonAsync("/api/v1/people", new { name = "Audrey Auditor", email = AppFactory.EmailOf(Roles.Auditor), department = "Quality", jobTitle = "Internal auditor" });
        person.StatusCode.ShouldBe(HttpStatusCode.Created, await person.Content.ReadAsStringAsync());
        var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The suggested role "Internal auditor" (set up with the installation), held by nobody yet.
        var roles = await api.GetFromJsonAsync<JsonElement>("/api/v1/roles");
        var roleId = (roles.ValueKind == JsonValueKind.Array ? roles : roles.GetProperty("items")).EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Internal auditor").GetProperty("id").GetGuid();
        var assigned = await api.PostAsJsonAsync($"/api/v1/roles/{roleId}/assignments", new { personId, from = today });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Created, await assigned.Content.ReadAsStringAsync());

        // Now the administrator, who does not hold it, is refused as lead and as a team member; the holder is accepted.
        var refused = await api.PostAsJsonAsync("/api/v1/audits", Plan("Led by the administrator", adminId));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("leadAuditorId")[0].GetString()!.ShouldContain("does not hold the ISMS role \"Internal auditor\"");
        var team = await api.PostAsJsonAsync("/api/v1/audits", Plan("Administrator in the team", auditorId, adminId));
        (await team.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("auditorIds")[0].GetString()!.ShouldContain("does not hold the ISMS role");
        (await api.PostAsJsonAsync("/api/v1/audits", Plan("Led by the internal auditor", auditorId))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // On the page, beside the lead auditor field.
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var page = await manager.Page("/audits/new");
        var form = await TestClient.Parse(await manager.Submit(page, "#audit-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Page plan", ["Input.PlannedStart"] = today.ToString("yyyy-MM-dd"), ["Input.PlannedEnd"] = today.ToString("yyyy-MM-dd"),
            ["Input.LeadAuditorId"] = adminId, ["Input.CompetenceEvidence"] = "Course", ["Input.Items"] = "Clause:9.1",
        }));
        form.QuerySelector("#f-LeadAuditorId")!.Closest(".field")!.TextContent.ShouldContain("does not hold the ISMS role");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class AuditorRoleTestsOnSqlite(SqliteApp app) : AuditorRoleTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class AuditorRoleTestsOnPostgreSql(PostgresApp app) : AuditorRoleTests(app.App), IClassFixture<PostgresApp>;
