using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Notifications;

namespace OpenIsms.IntegrationTests.Api;

/// <summary>/api/v1/documents: a script writes a procedure, submits it, an approver decides, and a campaign is read back — with the pages' rules.</summary>
public abstract class DocumentsApiTests(AppFactory app)
{
    [Fact]
    public async Task AScript_WritesSubmitsAndApprovesAVersion_AndBadInputIsProblemDetails()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var bad = await api.PostAsJsonAsync("/api/v1/documents", new { kind = "Procedure", title = "", ownerId = await app.UserId(Roles.IsmsManager) });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString()!.ShouldContain("Enter the document's title");

        var title = $"Backup procedure {Guid.NewGuid():N}";
        var created = await api.PostAsJsonAsync("/api/v1/documents", new { kind = "Procedure", title, ownerId = await app.UserId(Roles.IsmsManager), reviewIntervalMonths = 6 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var document = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        document.GetProperty("reference").GetString()!.ShouldStartWith("PRC-");
        var draft = document.GetProperty("versions")[0];
        var versionId = draft.GetProperty("id").GetGuid();
        var v = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/versions/{versionId}");

        (await api.PutAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}", new { content = "1. Run the backup.\n2. Check it.\n", changeSummary = "First", version = v.GetProperty("version").GetInt32() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        v = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/versions/{versionId}");
        var submitted = await api.PostAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}/submit",
            new { approverIds = new[] { await app.UserId(Roles.Administrator) }, quorum = "Any", version = v.GetProperty("version").GetInt32() });
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        // Frozen: the text can no longer be replaced; the manager is not a named approver.
        v = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/versions/{versionId}");
        (await api.PutAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}", new { content = "changed", version = v.GetProperty("version").GetInt32() }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var notNamed = await api.PostAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}/decision", new { approve = true });
        notNamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notNamed.Content.ReadAsStringAsync()).ShouldContain("not one of the approvers");

        using var admin = await app.ApiClient(Roles.Administrator);
        var decided = await admin.PostAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}/decision", new { approve = true });
        (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("Approved");
        v = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/versions/{versionId}");
        v.GetProperty("state").GetString().ShouldBe("Current");
        v.GetProperty("contentSha256").GetString()!.Length.ShouldBe(64);
        v.GetProperty("approvals")[0].GetProperty("decision").GetString().ShouldBe("Approved");

        // A campaign with nobody matching is refused; the register lists the document; a viewer cannot write.
        var nobody = await api.PostAsJsonAsync($"/api/v1/documents/{id}/campaigns", new { departments = new[] { "No such department" }, dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) });
        nobody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents?q={Uri.EscapeDataString(title)}&kind=Procedure");
        list.GetProperty("items")[0].GetProperty("currentVersion").GetString().ShouldBe("0.1");
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PostAsJsonAsync("/api/v1/documents", new { kind = "Procedure", title = "No" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/api/v1/documents/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class DocumentsApiTestsOnSqlite(MailSqliteApp app) : DocumentsApiTests(app), IClassFixture<MailSqliteApp>;

public sealed class DocumentsApiTestsOnPostgreSql(MailPostgresApp app) : DocumentsApiTests(app), IClassFixture<MailPostgresApp>;
