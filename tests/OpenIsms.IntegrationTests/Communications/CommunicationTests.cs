using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Communications;

/// <summary>
/// The communication plan (clause 7.4) through the pages, the export and the API: a line planned with its refusals beside
/// the fields, due on the owner's My work, recorded with a link and a file (checked as evidence files are), the next date
/// moved on, a stale form refused, the plan exported and filtered.
/// </summary>
public abstract class CommunicationTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task APlannedCommunication_IsDueOnMyWork_IsRecordedWithEvidence_AndItsNextDateMovesOn()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var today = await Db(db => db.Clock.Today().AsTask());

        // Nothing filled in: each refusal beside its field; an event-driven line without its event, likewise.
        var empty = await TestClient.Parse(await manager.SubmitAt("/communications/new", "#communication-form", new Dictionary<string, string?> { ["Input.Frequency"] = "Quarterly" }));
        empty.QuerySelector("#f-Subject")!.Closest(".field")!.TextContent.ShouldContain("Say what is communicated.");
        empty.QuerySelector("#f-Audience")!.Closest(".field")!.TextContent.ShouldContain("Say to whom");
        empty.QuerySelector("#f-Channel")!.Closest(".field")!.TextContent.ShouldContain("Say how");
        empty.QuerySelector("#f-OwnerId")!.Closest(".field")!.TextContent.ShouldContain("Choose who communicates it.");
        empty.QuerySelector("#f-NextDueOn")!.Closest(".field")!.TextContent.ShouldContain("Enter the date it is next due.");
        var onEvent = await TestClient.Parse(await manager.SubmitAt("/communications/new", "#communication-form", new Dictionary<string, string?>
        {
            ["Input.Subject"] = "Breach notice", ["Input.Audience"] = "Customers", ["Input.Channel"] = "E-mail", ["Input.Frequency"] = "OnEvent",
            ["Input.OwnerId"] = await app.UserId(Roles.Contributor),
        }));
        onEvent.QuerySelector("#f-Trigger")!.Closest(".field")!.TextContent.ShouldContain("Say which event sets it off");
        var past = await TestClient.Parse(await manager.SubmitAt("/communications/new", "#communication-form", new Dictionary<string, string?>
        {
            ["Input.Subject"] = "Old", ["Input.Audience"] = "Staff", ["Input.Channel"] = "E-mail", ["Input.Frequency"] = "Monthly",
            ["Input.OwnerId"] = await app.UserId(Roles.Contributor), ["Input.NextDueOn"] = D(today.AddDays(-1)),
        }));
        past.QuerySelector("#f-NextDueOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the past");
        (await Db(db => db.Set<CommunicationItem>().CountAsync(c => c.Subject == "Old" || c.Subject == "Breach notice"))).ShouldBe(0);

        // A quarterly update to all staff, due today, made by the contributor.
        var subject = $"Quarterly security update {unique}";
        (await manager.SubmitAt("/communications/new", "#communication-form", new Dictionary<string, string?>
        {
            ["Input.Subject"] = subject, ["Input.Audience"] = "All staff", ["Input.Reach"] = "Internal", ["Input.Channel"] = "Intranet post",
            ["Input.Frequency"] = "Quarterly", ["Input.NextDueOn"] = D(today), ["Input.OwnerId"] = await app.UserId(Roles.Contributor),
        })).LocationPath().ShouldContain("done=added");
        var id = await Db(db => db.Set<CommunicationItem>().Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync());

        // The plan lists and filters it in SQL; the contributor has it on My work.
        (await manager.Page($"/communications?q={unique}&due=Soon")).QuerySelector("table")!.TextContent.ShouldContain(subject);
        (await manager.Page($"/communications?q={unique}&reach=External")).QuerySelector("main")!.TextContent.ShouldNotContain(subject);
        using var contributor = await app.SignedIn(Roles.Contributor);
        (await contributor.Page("/")).QuerySelector("#communication-work")!.TextContent.ShouldContain(subject);

        // Recording: a day in the future, nothing to show for it, a link that is not a web address, and a hostile file are refused.
        var page = await contributor.Page($"/communications/{id}");
        async Task<AngleSharp.Dom.IDocument> Post(Dictionary<string, string?> values) => await TestClient.Parse(await contributor.Submit(page, "#happened-form", values));
        (await Post(new() { ["Input.HappenedOn"] = D(today.AddDays(1)), ["Input.Note"] = "x" })).QuerySelector("#f-HappenedOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the future");
        (await Post(new() { ["Input.HappenedOn"] = D(today) })).QuerySelector("#f-Link")!.Closest(".field")!.TextContent.ShouldContain("Say what shows it happened");
        (await Post(new() { ["Input.HappenedOn"] = D(today), ["Input.Link"] = "javascript:alert(1)" })).QuerySelector("#f-Link")!.Closest(".field")!.TextContent.ShouldContain("starting with https://");
        var hostile = await TestClient.Parse(await contributor.SubmitFile(page, "#happened-form", new Dictionary<string, string?> { ["Input.HappenedOn"] = D(today) },
            "RecordFile", "slides.pdf", new MemoryStream("<html><script>alert(1)</script></html>"u8.ToArray())));
        hostile.QuerySelector("#f-File")!.Closest(".field")!.QuerySelector(".error-message")!.TextContent.ShouldContain("content is not a PDF file");
        (await Db(db => db.Set<CommunicationRecord>().CountAsync(r => r.ItemId == id))).ShouldBe(0);

        // The real record, with its link and file: the next date moves a quarter on; the file downloads as stored.
        var slides = HostileFiles.Pdf();
        (await contributor.SubmitFile(page, "#happened-form",
            new Dictionary<string, string?> { ["Input.HappenedOn"] = D(today), ["Input.Link"] = "https://intranet.example.test/security/q4" },
            "RecordFile", "slides.pdf", new MemoryStream(slides))).LocationPath().ShouldContain("done=communicated");
        (await Db(db => db.Set<CommunicationItem>().Where(c => c.Id == id).Select(c => c.NextDueOn).SingleAsync())).ShouldBe(today.AddMonths(3));
        var record = await Db(db => db.Set<CommunicationRecord>().SingleAsync(r => r.ItemId == id));
        record.RecordedBy.ShouldBe("Contributor user");
        record.FileSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(slides)));
        (await (await contributor.Get($"/communications/records/{record.Id}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(slides);
        (await contributor.Page("/")).QuerySelector("#communication-work").ShouldBeNull();

        // The same open form posted again is stale: the communication is not recorded twice.
        var twice = await TestClient.Parse(await contributor.Submit(page, "#happened-form", new Dictionary<string, string?> { ["Input.HappenedOn"] = D(today), ["Input.Note"] = "again" }));
        twice.QuerySelector("#conflict").ShouldNotBeNull();
        (await Db(db => db.Set<CommunicationRecord>().CountAsync(r => r.ItemId == id))).ShouldBe(1);

        // An older record written up afterwards is history: it moves nothing.
        page = await contributor.Page($"/communications/{id}");
        (await contributor.Submit(page, "#happened-form", new Dictionary<string, string?> { ["Input.HappenedOn"] = D(today.AddMonths(-5)), ["Input.Note"] = "Spring all-hands" }))
            .LocationPath().ShouldContain("done=communicated");
        (await Db(db => db.Set<CommunicationItem>().Where(c => c.Id == id).Select(c => c.NextDueOn).SingleAsync())).ShouldBe(today.AddMonths(3));

        // Both are in the activity log with who recorded them.
        var records = await Db(db => db.Set<CommunicationRecord>().Where(r => r.ItemId == id).Select(r => r.Id).ToListAsync());
        var ids = records.Select(r => r.ToString()).ToList();
        var logged = await Db(db => db.Set<ActivityEntry>().Where(e => e.EntityType == "CommunicationRecord" && ids.Contains(e.EntityId)).Select(e => e.UserName).ToListAsync());
        logged.ShouldBe(["Contributor user", "Contributor user"]);

        // The export carries the plan under the filter.
        var csv = await (await manager.Get($"/communications/export.csv?q={unique}")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].TrimStart('\uFEFF').ShouldStartWith("What,To whom,Internal or external,How,Who communicates");
        lines[1].ShouldContain(subject);
        lines[1].ShouldContain("Intranet post");
        lines[1].ShouldContain(D(today.AddMonths(3)));
        lines[1].ShouldContain("Planned");
    }

    [Fact]
    public async Task ACommunicationSentOnce_IsDoneWhenRecorded_AndAScriptUsesTheApi()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var today = await Db(db => db.Clock.Today().AsTask());
        var owner = await app.UserId(Roles.Contributor);
        var created = await api.PostAsJsonAsync("/api/v1/communications", new
        {
            subject = $"Supplier notice {unique}", audience = "Cloud suppliers", reach = "External", channel = "Letter", frequency = "Once", nextDueOn = today.AddDays(20), ownerId = owner,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var bad = await api.PostAsJsonAsync("/api/v1/communications", new { subject = "", frequency = "OnEvent" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Say which event sets it off");

        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PostAsJsonAsync($"/api/v1/communications/{id}/records", new { happenedOn = today, note = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsJsonAsync($"/api/v1/communications/{id}/records", new { happenedOn = today, note = "Sent by post", link = "https://docs.example.test/letter" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var read = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/communications/{id}");
        read.GetProperty("communication").GetProperty("nextDueOn").ValueKind.ShouldBe(JsonValueKind.Null);
        read.GetProperty("records").GetProperty("items").EnumerateArray().Single().GetProperty("note").GetString().ShouldBe("Sent by post");
        var list = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/communications?q={unique}&reach=External");
        list.GetProperty("items").EnumerateArray().Single().GetProperty("records").GetInt32().ShouldBe(1);

        // The page shows it done; a viewer reads it but has no form.
        using var browser = await app.SignedIn(Roles.Viewer);
        var page = await browser.Page($"/communications/{id}");
        page.QuerySelector("#next-due")!.TextContent.ShouldContain("Done");
        page.QuerySelector("#happened-form").ShouldBeNull();
        (await browser.Get($"/communications/{id}/edit")).LocationPath().ShouldStartWith("/account/access-denied");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class CommunicationTestsOnSqlite(SqliteApp app) : CommunicationTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class CommunicationTestsOnPostgreSql(PostgresApp app) : CommunicationTests(app.App), IClassFixture<PostgresApp>;
