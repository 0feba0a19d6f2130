using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Reviews;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Reviews;

/// <summary>
/// A management review: scheduled, its pack compiled from live records (a nonconformity shows in d.1), frozen with its
/// SHA-256 in the activity log and never changed after, minutes refused until every input and all three conclusions are
/// there, an action carried to the next review's input (a), the minutes exported, a change planned from it.
/// </summary>
public abstract class ReviewTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static string FieldText(AngleSharp.Dom.IDocument page, string id) => page.QuerySelector($"#f-{id}")!.Closest(".field")!.TextContent;

    [Fact]
    public async Task AReview_FreezesItsPack_RecordsThreeConclusions_AndCarriesItsActions()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        using var api = await app.ApiClient(Roles.IsmsManager);
        var today = await Db(db => db.Clock.Today().AsTask());
        var managerId = await app.UserId(Roles.IsmsManager);

        FieldText(await TestClient.Parse(await manager.SubmitAt("/reviews/new", "#review-form", new Dictionary<string, string?>())), "ChairId").ShouldContain("Choose who chairs it");
        var title = $"Management review {unique}";
        (await manager.SubmitAt("/reviews/new", "#review-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = title, ["Input.ScheduledOn"] = D(today), ["Input.ChairId"] = await app.UserId(Roles.Administrator), ["Input.Attendees"] = "Board, ISMS manager",
        })).LocationPath().ShouldContain("done=added");
        var id = await Db(db => db.Set<ManagementReview>().Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

        // A major nonconformity raised now is in the live pack's d.1.
        (await api.PostAsJsonAsync("/api/v1/nonconformities", new
        {
            title = $"Firewall rules unreviewed {unique}", description = "No review for 14 months.", requirementText = "Network security standard", severity = "Major",
            ownerId = managerId, raisedOn = today,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var live = await manager.Page($"/reviews/{id}");
        live.QuerySelector("#input-d\\.1")!.TextContent.ShouldContain($"Firewall rules unreviewed {unique}");
        live.QuerySelectorAll(".review-input").Length.ShouldBe(10);

        // Frozen: the SHA-256 is on the record and in the activity log; a second freeze is refused; later records stay out.
        (await manager.Submit(live, "#freeze-form", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=pack-frozen");
        var sha = await Db(db => db.Set<ManagementReview>().Where(r => r.Id == id).Select(r => r.PackSha256).SingleAsync());
        sha.ShouldNotBeNull().Length.ShouldBe(64);
        var logged = await Db(db => db.Set<ActivityEntry>().Where(e => e.EntityType == "ManagementReview" && e.EntityId == id.ToString()).Select(e => e.After).ToListAsync());
        logged.ShouldContain(after => after != null && after.Contains(sha));
        var version = await Db(db => db.Set<ManagementReview>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var again = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/freeze", new { version });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("A frozen pack cannot be changed");
        (await api.PostAsJsonAsync("/api/v1/nonconformities", new
        {
            title = $"After the meeting {unique}", description = "x", requirementText = "y", severity = "Minor", ownerId = managerId, raisedOn = today,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var frozen = await manager.Page($"/reviews/{id}");
        frozen.QuerySelector("main")!.TextContent.ShouldNotContain($"After the meeting {unique}");
        frozen.QuerySelector("#pack-state")!.TextContent.ShouldContain("Intact");

        // An action decided at the meeting, for the contributor: on their My work, and in the next review's input (a).
        var action = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/actions", new { title = $"Fund a second security engineer {unique}", ownerId = await app.UserId(Roles.Contributor), dueOn = today.AddMonths(3) });
        action.StatusCode.ShouldBe(HttpStatusCode.Created);
        // Concluding with nothing written is refused beside each input and each conclusion; partial minutes are saved.
        var refused = await TestClient.Parse(await manager.Submit(frozen, "#minutes-form", new Dictionary<string, string?> { ["Input.Conclude"] = "true", ["Input.A"] = "No earlier actions." }));
        FieldText(refused, "B").ShouldContain("Record what was discussed on input b");
        FieldText(refused, "Suitability").ShouldContain("continuing suitability");
        FieldText(refused, "Adequacy").ShouldContain("adequacy");
        FieldText(refused, "Effectiveness").ShouldContain("effectiveness");
        var minutes = new Dictionary<string, string?> { ["Input.Conclude"] = "true", ["Input.Attendees"] = "CEO (chair), CFO, ISMS manager" };
        foreach (var input in RecordReviewMinutes.Inputs)
        {
            minutes[$"Input.{RecordReviewMinutes.Command.Field(input)}"] = $"Discussed {input}.";
        }

        minutes["Input.Suitability"] = "Still suitable for the current scope.";
        minutes["Input.Adequacy"] = "Adequate, but the security team is stretched.";
        minutes["Input.Effectiveness"] = $"Effective, except network reviews {unique}.";
        (await manager.Submit(await manager.Page($"/reviews/{id}"), "#minutes-form", minutes)).LocationPath().ShouldContain("done=review-concluded");
        var concluded = await Db(db => db.Set<ManagementReview>().SingleAsync(r => r.Id == id));
        concluded.State.ShouldBe(ReviewState.Concluded);
        (await Db(db => db.Set<ReviewInputMinute>().CountAsync(m => m.ReviewId == id))).ShouldBe(10);
        var late = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/actions", new { title = "Afterthought", ownerId = managerId, dueOn = today });
        (await late.Content.ReadAsStringAsync()).ShouldContain("minutes and actions are final");

        // Chairing it is a leadership act (5.1), dated when the pack was frozen, in the chair's name.
        var acts = await manager.Page("/leadership?kind=ReviewChaired");
        acts.QuerySelector("main table")!.TextContent.ShouldContain(title);
        var chair = await Db(db => db.Set<AppUser>().Where(u => u.Id == concluded.ChairId).Select(u => u.DisplayName).SingleAsync());
        acts.QuerySelector("main table")!.TextContent.ShouldContain(chair);

        using var contributor = await app.SignedIn(Roles.Contributor);
        (await contributor.Page("/")).QuerySelector("#review-work")!.TextContent.ShouldContain($"Fund a second security engineer {unique}");
        var next = await api.PostAsJsonAsync("/api/v1/reviews", new { title = $"Next review {unique}", scheduledOn = today.AddMonths(6), chairId = managerId });
        var nextId = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await manager.Page($"/reviews/{nextId}")).QuerySelector("#input-a")!.TextContent.ShouldContain($"Open: Fund a second security engineer {unique}");

        // A change planned from the review is listed on it; the minutes export carries the hash and the conclusions.
        (await api.PostAsJsonAsync("/api/v1/changes", new
        {
            title = $"Hire into the security team {unique}", purpose = "Capacity", consequences = "Budget", reviewId = id,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await manager.Page($"/reviews/{id}")).QuerySelector("#review-changes")!.TextContent.ShouldContain($"Hire into the security team {unique}");
        var docx = await (await manager.Get($"/reviews/{id}/minutes.docx")).Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        xml.ShouldContain(sha);
        xml.ShouldContain($"Effective, except network reviews {unique}.");
        xml.ShouldContain("Adequate, but the security team is stretched.");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ReviewTestsOnSqlite(SqliteApp app) : ReviewTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ReviewTestsOnPostgreSql(PostgresApp app) : ReviewTests(app.App), IClassFixture<PostgresApp>;
