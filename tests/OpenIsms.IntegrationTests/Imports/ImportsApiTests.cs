using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Imports;

/// <summary>A script imports as the wizard does: the same reading, value step and rules, as JSON.</summary>
public abstract class ImportsApiTests(AppFactory app)
{
    private static MultipartFormDataContent Form(string fileName, byte[] content, object? mapping = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        if (mapping is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(mapping)), "mapping");
        }

        return form;
    }

    [Fact]
    public async Task ADryRun_SaysHowTheFileWasRead_AndEveryProblem_ThenACommitWithTheValuesWritesAllRows()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        var csv = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Kennung;Bezeichnung;Typ;Eigentümer;Kritikalität\r\nAPI-1;Lohnbuchhaltung;Daten;Leiter IT;Hoch\r\nAPI-2;Büroserver;Gerät;Leiter IT;Mittel\r\n");

        var dry = await api.PostAsync("/api/v1/imports/assets", Form("inventar.csv", csv));
        dry.StatusCode.ShouldBe(HttpStatusCode.OK, await dry.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await dry.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("readAs").GetString().ShouldBe("Windows-1252 text, separated by semicolons");
        root.GetProperty("columns").GetProperty("Name").GetString().ShouldBe("Bezeichnung");
        root.GetProperty("columns").GetProperty("Owner").GetString().ShouldBe("Eigentümer");
        var problems = root.GetProperty("report").GetProperty("problems").EnumerateArray().ToList();
        problems.Count.ShouldBe(2);
        problems[0].GetProperty("row").GetInt32().ShouldBe(2);
        problems[0].GetProperty("message").GetString()!.ShouldContain("\"Leiter IT\" is not a user");
        root.GetProperty("values").EnumerateArray().ShouldContain(v => v.GetProperty("text").GetString() == "Gerät" && v.GetProperty("value").GetString() == "Hardware");
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>().CountAsync(a => a.Reference.StartsWith("API-")))).ShouldBe(0);

        var refused = await api.PostAsync("/api/v1/imports/assets?dryRun=false", Form("inventar.csv", csv));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var committed = await api.PostAsync("/api/v1/imports/assets?dryRun=false&saveAs=Inventar", Form("inventar.csv", csv, new { values = new Dictionary<string, Dictionary<string, string>> { ["Owner"] = new() { ["Leiter IT"] = owner } } }));
        committed.StatusCode.ShouldBe(HttpStatusCode.OK, await committed.Content.ReadAsStringAsync());
        var assets = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Asset>().AsNoTracking().Where(a => a.Reference.StartsWith("API-")).OrderBy(a => a.Reference).ToListAsync());
        assets.Select(a => (a.Type, a.Criticality, a.OwnerId)).ShouldBe([(AssetType.Information, Criticality.High, owner), (AssetType.Hardware, Criticality.Medium, owner)]);

        // The saved profile makes the next call need no mapping at all.
        var again = await api.PostAsync("/api/v1/imports/assets?profile=Inventar", Form("inventar.csv", csv));
        using var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        var messages = second.RootElement.GetProperty("report").GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
        messages.ShouldAllBe(m => m.Contains("is already in the inventory", StringComparison.Ordinal), "the owner is known from the profile; only the existing records are in the way");
        second.RootElement.GetProperty("profile").GetString().ShouldBe("Inventar");
    }

    [Fact]
    public async Task AViewer_MayNotImport_AndAnUnknownKindIsNotFound()
    {
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PostAsync("/api/v1/imports/assets", Form("a.csv", Encoding.UTF8.GetBytes("Name,Type\nX,Hardware\n")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsync("/api/v1/imports/suppliers", Form("a.csv", Encoding.UTF8.GetBytes("Name,Type\nX,Hardware\n")))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ImportsApiTestsOnSqlite(SqliteApp app) : ImportsApiTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ImportsApiTestsOnPostgreSql(PostgresApp app) : ImportsApiTests(app.App), IClassFixture<PostgresApp>;
