using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Evidence;

/// <summary>Every hostile file is refused with a reason the uploader understands; ordinary evidence still goes in.</summary>
public abstract class HostileUploadTests(AppFactory app)
{
    [Fact]
    public async Task EveryHostileFile_IsRefused_AndEveryOrdinaryOneAccepted()
    {
        using var browser = await app.SignedIn(Roles.IsmsManager);
        var control = (await EvidenceTests.CreateControl(app, browser, "HOSTILE-1")).Split('/')[^1];
        using var api = await app.ApiClient(Roles.IsmsManager);

        var accepted = new List<string>();
        var hostile = HostileFiles.Hostile();
        foreach (var (what, name, content) in hostile)
        {
            var answer = await api.PostAsync($"/api/v1/controls/{control}/evidence", Api.EvidenceApiTests.Form(what, name, content));
            var body = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{what}: {(int)answer.StatusCode} {body}");
            }
            else
            {
                body.ShouldContain("\"file\"", Case.Insensitive, $"{what}: the reason is given for the file field");
            }
        }

        accepted.ShouldBeEmpty($"of {hostile.Count} hostile files, these were accepted");
        hostile.Count.ShouldBeGreaterThanOrEqualTo(37);

        foreach (var (name, content) in HostileFiles.Ordinary())
        {
            var answer = await api.PostAsync($"/api/v1/controls/{control}/evidence", Api.EvidenceApiTests.Form("Ordinary " + name, name, content));
            answer.StatusCode.ShouldBe(HttpStatusCode.Created, $"{name}: {await answer.Content.ReadAsStringAsync()}");
        }

        // Through the page, the reason stands beside the file field.
        var refused = await browser.SubmitFile(await browser.Page($"/controls/{control}/evidence/new"), "main form",
            new Dictionary<string, string?> { ["Input.Kind"] = "File", ["Input.Title"] = "Chart" }, "File", "chart.png", new MemoryStream(hostile.Single(h => h.Name == "chart.png").Content));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(refused)).QuerySelector("#f-File")!.Closest(".field")!.TextContent.ShouldContain("data after its end");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class HostileUploadTestsOnSqlite(SqliteApp app) : HostileUploadTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class HostileUploadTestsOnPostgreSql(PostgresApp app) : HostileUploadTests(app.App), IClassFixture<PostgresApp>;
