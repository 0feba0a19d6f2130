using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Api;

public abstract class EvidenceApiTests(AppFactory app)
{
    /// <summary>An evidence upload as a script sends it: the title and the file, multipart.</summary>
    internal static MultipartFormDataContent Form(string title, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new StringContent(title), "title" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    [Fact]
    public async Task Evidence_UploadReviewAndDownload_ThroughTheApi()
    {
        using var browser = await app.SignedIn(Roles.IsmsManager);
        var control = await EvidenceTests.CreateControl(app, browser, "API-E1", "Monthly");
        var controlId = control.Split('/')[^1];
        using var api = await app.ApiClient(Roles.IsmsManager);

        var content = EvidenceTests.Pdf("monthly patch report");
        var created = await api.PostAsync($"/api/v1/controls/{controlId}/evidence", Form("Patch report November", "patches.pdf", content));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var url = created.Headers.Location!.ToString();
        var item = await api.GetFromJsonAsync<JsonElement>(url);
        item.GetProperty("state").GetString().ShouldBe("AwaitingReview");
        item.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        item.GetProperty("controls")[0].GetProperty("reference").GetString().ShouldBe("API-E1");

        var file = await api.GetAsync($"{url}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(content);

        // The collector may not review it; another reviewer (the control's owner, here the contributor) does.
        var self = await api.PostAsJsonAsync($"{url}/review", new { decision = "Accepted", version = item.GetProperty("version").GetInt32() });
        self.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await self.Content.ReadAsStringAsync()).ShouldContain("someone else must review it");
        using var owner = await app.ApiClient(Roles.Contributor);
        (await owner.PostAsJsonAsync($"{url}/review", new { decision = "Rejected", version = item.GetProperty("version").GetInt32() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.PostAsJsonAsync($"{url}/review", new { decision = "Accepted", version = item.GetProperty("version").GetInt32() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.PostAsJsonAsync($"{url}/review", new { decision = "Rejected", comment = "stale", version = item.GetProperty("version").GetInt32() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var current = await api.GetFromJsonAsync<JsonElement>($"/api/v1/evidence?controlId={controlId}&state=Current");
        current.GetProperty("totalCount").GetInt32().ShouldBe(1);

        // A link as JSON; a file name that names a path, or holds a control character, is refused with the field named.
        (await api.PostAsJsonAsync($"/api/v1/controls/{controlId}/evidence", new { kind = "Link", title = "Ticket", url = "https://tickets.example.test/OPS-1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var name in new[] { "../../etc/passwd.pdf", "reports\\q1.pdf", "bell\u0007.pdf" })
        {
            var bad = await api.PostAsync($"/api/v1/controls/{controlId}/evidence", Form("Bad name", name, content));
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldMatch("/ or \\\\|control characters");
        }

        var tasks = await api.GetFromJsonAsync<JsonElement>($"/api/v1/controls/{controlId}/tasks");
        tasks.GetArrayLength().ShouldBe(1);

        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.GetAsync($"{url}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = await app.ApiClient(Roles.Auditor);
        (await auditor.PostAsync($"/api/v1/controls/{controlId}/evidence", Form("Auditor", "a.pdf", content))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"{url}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class EvidenceApiTestsOnSqlite(SqliteApp app) : EvidenceApiTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class EvidenceApiTestsOnPostgreSql(PostgresApp app) : EvidenceApiTests(app.App), IClassFixture<PostgresApp>;
