using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Readiness;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Readiness;

/// <summary>
/// The readiness engine over a real database: every rule of the file answered, a new major nonconformity moving its rule
/// (the facts kept per node are renewed by the write), the day's point of the trend kept, the page and its permission.
/// </summary>
public abstract class ReadinessTests(AppFactory app)
{
    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private static int Count(JsonElement rule) => int.Parse(rule.GetProperty("detail").GetString()!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Readiness_AnswersEveryRule_AndMovesWhenAMajorNonconformityIsRaised()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var before = await api.GetFromJsonAsync<JsonElement>("/api/v1/readiness");
        var rules = before.GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBe(ReadinessRules.All.Count);
        rules.ShouldAllBe(r => r.GetProperty("detail").GetString()!.Length > 0);
        var majors = Count(rules.Single(r => r.GetProperty("id").GetString() == "no-major-open"));

        var today = await Db(db => db.Clock.Today().AsTask());
        (await api.PostAsJsonAsync("/api/v1/nonconformities", new
        {
            title = "Backups not encrypted", description = "Tapes leave the site unencrypted.", requirementText = "Backup policy", severity = "Major",
            ownerId = await app.UserId(Roles.IsmsManager), raisedOn = today,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await api.GetFromJsonAsync<JsonElement>("/api/v1/readiness");
        var rule = after.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "no-major-open");
        rule.GetProperty("passed").GetBoolean().ShouldBeFalse();
        Count(rule).ShouldBe(majors + 1);
        rule.GetProperty("missing").GetString()!.ShouldContain("open");
        after.GetProperty("score").GetInt32().ShouldBeInRange(0, 99);

        (await Db(db => db.Set<ReadinessSnapshot>().AnyAsync(s => s.Day == today))).ShouldBeTrue();
        using var auditor = await app.SignedIn(Roles.Auditor);
        var page = await auditor.Page("/readiness");
        page.QuerySelector("#rule-no-major-open")!.TextContent.ShouldContain("Missing");
        page.QuerySelector("#rule-no-major-open a")!.GetAttribute("href").ShouldBe("/nonconformities");
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.GetAsync("/api/v1/readiness")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ReadinessTestsOnSqlite(SqliteApp app) : ReadinessTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ReadinessTestsOnPostgreSql(PostgresApp app) : ReadinessTests(app.App), IClassFixture<PostgresApp>;
