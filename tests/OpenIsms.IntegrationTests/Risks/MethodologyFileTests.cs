using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using static OpenIsms.IntegrationTests.Imports.ImportTests;

namespace OpenIsms.IntegrationTests.Risks;

/// <summary>
/// A methodology version goes out as YAML or JSON and comes back into the draft: by the page (the file's problems beside
/// the field, nothing saved) and by the API (a dry run first). Approval stays a separate step.
/// </summary>
public abstract class MethodologyFileTests(AppFactory app)
{
    private Task<List<RiskMethodology>> Versions() => app.InScope(async sp =>
        await sp.GetRequiredService<OpenIsmsDbContext>().Set<RiskMethodology>().AsNoTracking().OrderBy(m => m.Number).ToListAsync());

    [Fact]
    public async Task AVersion_DownloadedAndEdited_ComesBackAsTheNextDraft_AndAFaultyFileChangesNothing()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var approved = (await Versions()).Single(m => m.Status == MethodologyStatus.Approved);
        var page = await manager.Page($"/risks/methodology/{approved.Number}");
        page.QuerySelector($"a[href='/risks/methodology/{approved.Number}/methodology.yaml']").ShouldNotBeNull("the page offers the version as a file");

        var download = await manager.Get($"/risks/methodology/{approved.Number}/methodology.yaml");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"risk-methodology-v{approved.Number}.yaml");
        var yaml = await download.Content.ReadAsStringAsync();
        yaml.ShouldContain("acceptUpTo: Medium");

        // A faulty file: every problem beside the field, and no version is started or changed.
        var before = (await Versions()).Select(m => (m.Number, m.Status, m.DefinitionJson)).ToList();
        var faulty = yaml.Replace("acceptUpTo: Medium", "acceptUpTo: Moderate", StringComparison.Ordinal);
        var refused = await Upload(manager, "/risks/methodology/import", "methodology.yaml", Encoding.UTF8.GetBytes(faulty));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await TestClient.Parse(refused);
        shown.QuerySelector("#f-File")!.Closest(".field")!.TextContent.ShouldContain("acceptUpTo: \"Moderate\" is not one of the levels");
        (await Versions()).Select(m => (m.Number, m.Status, m.DefinitionJson)).ShouldBe(before);

        // The edited file becomes the next version's draft, with the file named in its change note.
        var edited = yaml.Replace("acceptUpTo: Medium", "acceptUpTo: Low", StringComparison.Ordinal).Replace("reviewIntervalMonths: 12", "reviewIntervalMonths: 6", StringComparison.Ordinal);
        var imported = await Upload(manager, "/risks/methodology/import", "methodology-2027.yaml", Encoding.UTF8.GetBytes(edited));
        imported.LocationPath().ShouldBe("/risks/methodology?done=draft-imported");
        var draft = (await Versions()).Single(m => m.Status == MethodologyStatus.Draft);
        (draft.Definition.AcceptanceThreshold, draft.Definition.ReviewIntervalMonths, draft.ChangeNote).ShouldBe((0, 6, "Imported from methodology-2027.yaml."));
        draft.Definition.Matrix.ShouldBe(approved.Definition.Matrix);
        (await manager.Page("/risks/methodology/import")).QuerySelector(".notice-warning")!.TextContent.ShouldContain($"Version {draft.Number} is a draft already");

        // JSON of the same version reads back the same.
        var json = await (await manager.Get($"/risks/methodology/{approved.Number}/methodology.json")).Content.ReadAsByteArrayAsync();
        MethodologyFile.Read(json).Definition!.ToJson().ShouldBe(approved.Definition.ToJson());
    }

    [Fact]
    public async Task TheApi_DryRunsAFile_ThenPutsItIntoTheDraft()
    {
        await Methodology.EnsureApproved(app);
        using var api = await app.ApiClient(Roles.IsmsManager);
        var yaml = MethodologyFile.Yaml("Three by three", new MethodologyDefinition
        {
            Likelihood = [new("Low", null), new("Medium", null), new("High", null)],
            Impact = [new("Low", null), new("Medium", null), new("High", null)],
            ImpactMode = ImpactMode.Single,
            Levels = [new("Acceptable", "#2e7d32", null), new("Not acceptable", "#c62828", null)],
            Matrix = [[0, 0, 1], [0, 1, 1], [1, 1, 1]],
            AcceptanceThreshold = 0,
            ReviewIntervalMonths = 12,
        });
        MultipartFormDataContent Form(string text)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            return new MultipartFormDataContent { { file, "file", "three.yaml" } };
        }

        var dry = await api.PostAsync("/api/v1/imports/methodology", Form(yaml.Replace("[Acceptable, Acceptable, Not acceptable]", "[Acceptable, Acceptable, Nope]", StringComparison.Ordinal)));
        dry.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var report = JsonDocument.Parse(await dry.Content.ReadAsStringAsync()))
        {
            report.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
            report.RootElement.GetProperty("problems")[0].GetString()!.ShouldContain("matrix row 1 (Low), High: \"Nope\"");
        }

        var before = await Versions();
        var committed = await api.PostAsync("/api/v1/imports/methodology?dryRun=false", Form(yaml));
        committed.StatusCode.ShouldBe(HttpStatusCode.OK, await committed.Content.ReadAsStringAsync());
        var draft = (await Versions()).Single(m => m.Status == MethodologyStatus.Draft);
        draft.Name.ShouldBe("Three by three");
        draft.Definition.Levels.Count.ShouldBe(2);
        (await Versions()).Count.ShouldBe(before.Count + (before.Any(m => m.IsDraft) ? 0 : 1));

        using var reader = await app.ApiClient(Roles.Viewer);
        (await reader.PostAsync("/api/v1/imports/methodology", Form(yaml))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class MethodologyFileTestsOnSqlite(SqliteApp app) : MethodologyFileTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class MethodologyFileTestsOnPostgreSql(PostgresApp app) : MethodologyFileTests(app.App), IClassFixture<PostgresApp>;
