using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Data;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Data;

/// <summary>Eight API writers at once never get a server error, and the identifiers they are given are all different.</summary>
public abstract class ParallelWriteTests(AppFactory app)
{
    [Fact]
    public async Task EightParallelWriters_CreatingRisksAndAssets_AllSucceed_WithDistinctIdentifiers()
    {
        var owner = await app.UserId(Roles.IsmsManager);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add(await app.ApiClient(Roles.IsmsManager));
        }

        var results = await Task.WhenAll(clients.Select((api, worker) => Task.Run(async () =>
        {
            var answers = new List<(HttpStatusCode Status, string Reference)>();
            for (var n = 0; n < 12; n++)
            {
                var risk = await api.PostAsJsonAsync("/api/v1/risks", new { title = $"Risk {worker}-{n}", ownerId = owner });
                answers.Add((risk.StatusCode, await Reference(risk)));
                var asset = await api.PostAsJsonAsync("/api/v1/assets", new { name = $"Asset {worker}-{n}", type = "Hardware", ownerId = owner });
                answers.Add((asset.StatusCode, await Reference(asset)));
            }

            return answers;
        })));

        var all = results.SelectMany(r => r).ToList();
        all.Count.ShouldBe(8 * 12 * 2);
        all.Where(a => a.Status != HttpStatusCode.Created).Select(a => $"{a.Status} {a.Reference}").ShouldBeEmpty();
        clients.ForEach(c => c.Dispose());

        // Every one was given its own identifier, in one unbroken series per kind.
        var (risks, assets) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return (await db.Set<Risk>().Where(r => r.Title.StartsWith("Risk ")).Select(r => r.Reference).ToListAsync(),
                await db.Set<Asset>().Where(a => a.Name.StartsWith("Asset ")).Select(a => a.Reference).ToListAsync());
        });
        risks.Count.ShouldBe(96);
        risks.Distinct().Count().ShouldBe(96);
        assets.Count.ShouldBe(96);
        assets.Distinct().Count().ShouldBe(96);
    }

    [Fact]
    public async Task TwoPeopleTypingTheSameIdentifierAtOnce_GetAMessage_NotAnError()
    {
        var owner = await app.UserId(Roles.IsmsManager);
        using var first = await app.ApiClient(Roles.IsmsManager);
        using var second = await app.ApiClient(Roles.IsmsManager);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second)
            .PostAsJsonAsync("/api/v1/risks", new { reference = "R-SAME", title = $"Same identifier {i}", ownerId = owner })));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.BadRequest);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.BadRequest))
        {
            (await refused.Content.ReadAsStringAsync()).ShouldContain("R-SAME");
        }
    }

    private static async Task<string> Reference(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Created ? response.Headers.Location?.ToString() ?? "" : await response.Content.ReadAsStringAsync();
}

[Collection(SharedHosts.Sqlite)]
public sealed class ParallelWriteTestsOnSqlite(SqliteApp app) : ParallelWriteTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ParallelWriteTestsOnPostgreSql(PostgresApp app) : ParallelWriteTests(app.App), IClassFixture<PostgresApp>;
