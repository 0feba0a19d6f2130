using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Objectives;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Objectives;

/// <summary>
/// Objectives and measurement (clauses 6.2, 9.1) through the pages and the API: an objective with a metric, values
/// appended and corrected (both kept), each refusal beside its field, progress read from the metrics.
/// </summary>
public abstract class ObjectiveTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private async Task<(Guid Objective, Guid Metric)> ObjectiveWithMetric(TestClient manager)
    {
        var added = await manager.SubmitAt("/objectives/new", "#objective-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = $"Staff spot phishing {unique}", ["Input.Target"] = "Fewer than 5% click", ["Input.DueOn"] = "2027-12-31",
            ["Input.Actions"] = "Quarterly simulations and training", ["Input.OwnerId"] = await app.UserId(Roles.IsmsManager),
        });
        added.LocationPath().ShouldContain("done=added");
        var objective = await Db(db => db.Set<Objective>().Where(o => o.Title == $"Staff spot phishing {unique}").Select(o => o.Id).SingleAsync());
        var form = await manager.Page($"/metrics/new?objective={objective}");
        form.QuerySelector("#f-ObjectiveId option[selected]")!.GetAttribute("value").ShouldBe(objective.ToString());
        (await manager.SubmitAt($"/metrics/new?objective={objective}", "#metric-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = $"Phishing click rate {unique}", ["Input.Direction"] = "LowerIsBetter", ["Input.Target"] = "5", ["Input.Threshold"] = "10",
            ["Input.Unit"] = "%", ["Input.Every"] = "Quarter", ["Input.MeasuredById"] = await app.UserId(Roles.Contributor),
        })).LocationPath().ShouldContain("done=added");
        var metric = await Db(db => db.Set<Metric>().Where(m => m.Name == $"Phishing click rate {unique}").Select(m => m.Id).SingleAsync());
        (await Db(db => db.Set<Metric>().Where(m => m.Id == metric).Select(m => m.ObjectiveId).SingleAsync())).ShouldBe(objective);
        return (objective, metric);
    }

    [Fact]
    public async Task AValue_IsAppended_ACorrectionSupersedesIt_BothKept_AndBadValuesAreRefusedBesideTheField()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var refused = await TestClient.Parse(await manager.SubmitAt("/objectives/new", "#objective-form", new Dictionary<string, string?> { ["Input.Title"] = "" }));
        refused.QuerySelector("#f-Title")!.Closest(".field")!.TextContent.ShouldContain("Enter the objective.");
        refused.QuerySelector("#f-DueOn")!.Closest(".field")!.TextContent.ShouldContain("Enter the date");
        var badThreshold = await TestClient.Parse(await manager.SubmitAt("/metrics/new", "#metric-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = $"Wrong way {unique}", ["Input.Direction"] = "HigherIsBetter", ["Input.Target"] = "90", ["Input.Threshold"] = "95",
        }));
        badThreshold.QuerySelector("#f-Threshold")!.Closest(".field")!.TextContent.ShouldContain("at or below the target");

        var (objective, metric) = await ObjectiveWithMetric(manager);
        var today = await Db(db => db.Clock.Today().AsTask());
        (await manager.Page($"/objectives/{objective}")).QuerySelector("#progress")!.TextContent.ShouldContain("0 of 1 metric on target");

        // The contributor measures; a day in the future, before the metric existed, and no number are refused.
        using var contributor = await app.SignedIn(Roles.Contributor);
        var page = await contributor.Page($"/metrics/{metric}");
        async Task<AngleSharp.Dom.IDocument> Post(string? day, string? value) =>
            await TestClient.Parse(await contributor.Submit(page, "#measurement-form", new Dictionary<string, string?> { ["Input.TakenOn"] = day, ["Input.Value"] = value }));
        (await Post(today.AddDays(1).ToString("yyyy-MM-dd"), "3")).QuerySelector("#f-TakenOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the future");
        (await Post(today.AddDays(-1).ToString("yyyy-MM-dd"), "3")).QuerySelector("#f-TakenOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be dated before that");
        (await Post(today.ToString("yyyy-MM-dd"), "")).QuerySelector("#f-Value")!.Closest(".field")!.TextContent.ShouldContain("Enter the value");
        (await Db(db => db.Set<Measurement>().CountAsync(m => m.MetricId == metric))).ShouldBe(0);

        (await contributor.Submit(page, "#measurement-form", new Dictionary<string, string?> { ["Input.TakenOn"] = today.ToString("yyyy-MM-dd"), ["Input.Value"] = "12.5" }))
            .LocationPath().ShouldContain("done=value-recorded");
        (await Db(db => db.Set<Metric>().Where(m => m.Id == metric).Select(m => m.NextDueOn).SingleAsync())).ShouldBe(today.AddMonths(3));

        // The same open form posted again is stale: the value is not recorded twice.
        var twice = await TestClient.Parse(await contributor.Submit(page, "#measurement-form", new Dictionary<string, string?> { ["Input.TakenOn"] = today.ToString("yyyy-MM-dd"), ["Input.Value"] = "12.5" }));
        twice.QuerySelector("#conflict").ShouldNotBeNull();

        // 12.5 was a typo for 2.5: the correction supersedes it, both are kept, the trend shows 2.5 and the objective is on target.
        var first = await Db(db => db.Set<Measurement>().Where(m => m.MetricId == metric).Select(m => m.Id).SingleAsync());
        var correct = await contributor.Page($"/metrics/{metric}?corrects={first}");
        (await contributor.Submit(correct, "#measurement-form", new Dictionary<string, string?> { ["Input.TakenOn"] = today.ToString("yyyy-MM-dd"), ["Input.Value"] = "2.5", ["Input.Note"] = "Typo" }))
            .LocationPath().ShouldContain("done=value-recorded");
        var shown = await contributor.Page($"/metrics/{metric}");
        shown.QuerySelector("#measurements del")!.TextContent.ShouldBe("12.5");
        shown.QuerySelector("#trend svg")!.GetAttribute("data-points").ShouldBe("1");
        correct = await contributor.Page($"/metrics/{metric}?corrects={first}");
        var again = await TestClient.Parse(await contributor.Submit(correct, "#measurement-form", new Dictionary<string, string?> { ["Input.TakenOn"] = today.ToString("yyyy-MM-dd"), ["Input.Value"] = "1" }));
        again.QuerySelector("#error-summary")!.TextContent.ShouldContain("already corrected");
        (await Db(db => db.Set<Measurement>().CountAsync(m => m.MetricId == metric))).ShouldBe(2);
        var objectivePage = await manager.Page($"/objectives/{objective}");
        objectivePage.QuerySelector("#progress")!.TextContent.ShouldContain("1 of 1 metric on target");
        objectivePage.QuerySelector($"[data-metric='Phishing click rate {unique}'] svg")!.GetAttribute("data-points").ShouldBe("1");

        // Retired, the metric takes no more values (the form is gone; a post is refused).
        var edit = await manager.Page($"/metrics/{metric}/edit");
        (await manager.Submit(edit, "#metric-form", new Dictionary<string, string?> { ["Input.Retired"] = "true" })).LocationPath().ShouldContain("done=saved");
        var retired = await contributor.Page($"/metrics/{metric}");
        retired.QuerySelector("#measurement-form").ShouldBeNull();
        retired.QuerySelector("main")!.TextContent.ShouldContain("takes no more values");
        using var api = await app.ApiClient(Roles.Contributor);
        var viaApi = await api.PostAsJsonAsync($"/api/v1/metrics/{metric}/measurements", new { takenOn = today, value = 4 });
        viaApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await viaApi.Content.ReadAsStringAsync()).ShouldContain("retired");
    }

    [Fact]
    public async Task AScript_PostsValuesThroughTheApi_AndReadsTheTrendBack()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var (_, metric) = await ObjectiveWithMetric(manager);
        var today = await Db(db => db.Clock.Today().AsTask());
        using var api = await app.ApiClient(Roles.Contributor);
        (await api.PostAsJsonAsync($"/api/v1/metrics/{metric}/measurements", new { takenOn = today, value = 7.25 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync($"/api/v1/metrics/{metric}/measurements", new { takenOn = today.AddDays(3), value = 1 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/metrics/{metric}");
        read.GetProperty("trend").EnumerateArray().Single().GetProperty("value").GetDecimal().ShouldBe(7.25m);
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PostAsJsonAsync($"/api/v1/metrics/{metric}/measurements", new { takenOn = today, value = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/objectives?q={unique}");
        list.GetProperty("items").EnumerateArray().Single().GetProperty("metrics").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task SuggestedMetrics_AreAddedOnce_AndTheAutomaticOnesAreMeasuredFromTheRecords()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var metrics = await manager.Page("/metrics");
        (await manager.Submit(metrics, "#add-suggested", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=added");
        (await manager.Submit(metrics, "#add-suggested", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=added");
        (await Db(db => db.Set<Metric>().CountAsync(m => m.Name == "Overdue risk treatment actions"))).ShouldBe(1);

        var id = await Db(db => db.Set<Metric>().Where(m => m.Name == "Documents past their review date").Select(m => m.Id).SingleAsync());
        var expected = await Db(async db =>
        {
            var today = await db.Clock.Today();
            return await db.Set<Core.Documents.ControlledDocument>().CountAsync(d => d.Status == Core.Documents.DocumentStatus.Approved && d.NextReview < today);
        });
        var page = await manager.Page($"/metrics/{id}");
        (await manager.Submit(page, "#measure-now", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=value-recorded");
        (await Db(db => db.Set<Measurement>().Where(m => m.MetricId == id).Select(m => m.Value).SingleAsync())).ShouldBe(expected);
        (await manager.Page($"/metrics/{id}")).QuerySelector("#measurements")!.TextContent.ShouldContain("Measured by OpenIsms on request");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ObjectiveTestsOnSqlite(SqliteApp app) : ObjectiveTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ObjectiveTestsOnPostgreSql(PostgresApp app) : ObjectiveTests(app.App), IClassFixture<PostgresApp>;
