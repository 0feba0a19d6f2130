using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using EvidenceItem = OpenIsms.Core.Evidence.Evidence;

namespace OpenIsms.IntegrationTests.Evidence;

public abstract class EvidenceTests(AppFactory app)
{
    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n");

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    /// <summary>Adds a control through its page, owned by the Contributor user; returns its page's path.</summary>
    public static async Task<string> CreateControl(AppFactory app, TestClient client, string reference, string frequency = "Quarterly", string status = "Operating", string? nextDue = null, string ownerRole = Roles.Contributor)
    {
        var created = await client.SubmitAt("/controls/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = reference, ["Input.Name"] = $"Access review {reference}", ["Input.OwnerId"] = await app.UserId(ownerRole),
            ["Input.Frequency"] = frequency, ["Input.Status"] = status, ["Input.NextDue"] = nextDue,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Text());
        return created.LocationPath().Split('?')[0];
    }

    public static async Task<HttpResponseMessage> Upload(TestClient client, string controlPath, string title, string fileName, byte[] content, string? validUntil = null) =>
        await client.SubmitFile(await client.Page($"{controlPath}/evidence/new"), "main form",
            new Dictionary<string, string?> { ["Input.Kind"] = "File", ["Input.Title"] = title, ["Input.ValidUntil"] = validUntil }, "File", fileName, new MemoryStream(content));

    private static string FieldText(AngleSharp.Dom.IDocument page, string field) => page.QuerySelector($"#f-{field}")!.Closest(".field")!.TextContent;

    [Fact]
    public async Task AnUploadedFile_IsStoredByHash_ReviewedByTheOwner_AndDownloadedWithALogEntry()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var control = await CreateControl(app, manager, "EV-1");
        (await manager.Page(control)).QuerySelector("#evidence-summary")!.TextContent.ShouldContain("No evidence");

        var content = Pdf("access review Q1, signed");
        var uploaded = await Upload(manager, control, "Access review Q1", "review-q1.pdf", content);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Text());
        var evidenceUrl = uploaded.LocationPath().Split('?')[0];
        var page = await manager.Page(evidenceUrl);
        page.QuerySelector("main")!.TextContent.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(content)));
        page.QuerySelector("main")!.TextContent.ShouldContain("Awaiting review");
        (await manager.Page(control)).QuerySelector("#evidence-summary")!.TextContent.ShouldContain("waiting for the control owner's review");

        // Quarterly control, no date given: valid for one quarter from today.
        var id = Guid.Parse(evidenceUrl.Split('/')[^1]);
        var stored = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<EvidenceItem>().SingleAsync(e => e.Id == id));
        stored.ValidUntil.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3));
        File.Exists(Path.Combine(app.Database.EvidenceFolder, stored.Sha256![..2], stored.Sha256)).ShouldBeTrue();

        // The auditor (not the owner, no review right) sees no review form; a rejection needs a reason; the owner accepts.
        using var auditor = await app.SignedIn(Roles.Auditor);
        (await auditor.Page(evidenceUrl)).QuerySelectorAll("form[name=review], #review form").Length.ShouldBe(0);
        using var owner = await app.SignedIn(Roles.Contributor);
        var rejected = await owner.SubmitAt(evidenceUrl, "#review form", new Dictionary<string, string?> { ["ReviewInput.Decision"] = "Rejected" });
        FieldText(await TestClient.Parse(rejected), "Comment").ShouldContain("Say why the evidence is rejected");
        (await owner.SubmitAt(evidenceUrl, "#review form", new Dictionary<string, string?> { ["ReviewInput.Decision"] = "Accepted" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Page(control)).QuerySelector("#evidence-summary")!.TextContent.ShouldContain("Current evidence, valid until");

        // The auditor downloads exactly what was uploaded; the download is in the activity log.
        var download = await auditor.Get($"{evidenceUrl}/download");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var logged = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>()
            .Where(a => a.EntityType == "Evidence" && a.EntityId == id.ToString() && a.Action == "Downloaded").Select(a => a.UserName).ToListAsync());
        logged.ShouldBe(["Auditor user"]);

        // A role without access to evidence can neither download it nor open it.
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get($"{evidenceUrl}/download")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Get(evidenceUrl)).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Page(control)).QuerySelector("#control-evidence").ShouldBeNull();
    }

    [Fact]
    public async Task BadFiles_AreRefusedBesideTheField_AndLeaveNothingBehind()
    {
        using var contributor = await app.SignedIn(Roles.Contributor);
        var control = await CreateControl(app, contributor, "EV-2");
        async Task<string> Refused(string fileName, byte[] content)
        {
            var response = await Upload(contributor, control, "Bad file", fileName, content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{fileName} should be refused");
            var page = await TestClient.Parse(response);
            page.QuerySelector(".error-summary").ShouldNotBeNull();
            page.QuerySelector("#f-Title")!.GetAttribute("value").ShouldBe("Bad file"); // what the user typed survives
            return FieldText(page, "File");
        }

        (await Refused("big.pdf", [.. "%PDF-1.4\n"u8, .. new byte[(2 * 1024 * 1024) + 1]])).ShouldContain("larger than the limit of 2 MB");
        (await Refused("invoice.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03])).ShouldContain("not a PDF file, although its name says so");
        (await Refused("photo.png", Pdf("not a picture"))).ShouldContain("not a PNG file");
        (await Refused("setup.exe", [0x4D, 0x5A, 0x90, 0x00])).ShouldContain("not accepted as evidence");
        (await Refused("empty.txt", [])).ShouldContain("Choose the file");

        var evidence = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<EvidenceItem>().CountAsync(e => e.Title == "Bad file"));
        evidence.ShouldBe(0);
        var incoming = Path.Combine(app.Database.EvidenceFolder, "incoming");
        (Directory.Exists(incoming) ? Directory.GetFiles(incoming) : []).ShouldBeEmpty();

        // A note needs its text; a link needs a real address.
        var note = await contributor.SubmitAt($"{control}/evidence/new", "main form", new Dictionary<string, string?> { ["Input.Kind"] = "Note", ["Input.Title"] = "Checked" });
        FieldText(await TestClient.Parse(note), "Description").ShouldContain("Write the note");
        var link = await contributor.SubmitAt($"{control}/evidence/new", "main form", new Dictionary<string, string?> { ["Input.Kind"] = "Link", ["Input.Title"] = "Ticket", ["Input.Url"] = "javascript:alert(1)" });
        FieldText(await TestClient.Parse(link), "Url").ShouldContain("starting with https://");
    }

    [Fact]
    public async Task AFileChangedOnDisk_IsReportedByTheIntegrityCheck_AndNotServed()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var control = await CreateControl(app, manager, "EV-3");
        var content = Pdf("firewall rule review " + Guid.NewGuid());
        var uploaded = await Upload(manager, control, "Firewall review", "firewall.pdf", content);
        var evidenceUrl = uploaded.LocationPath().Split('?')[0];

        var clean = await manager.SubmitAt("/evidence/integrity", "main form", new Dictionary<string, string?>());
        (await TestClient.Parse(clean)).QuerySelector("#integrity-report .notice-success")!.TextContent.ShouldContain("recorded when uploaded");

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(app.Database.EvidenceFolder, sha[..2], sha);
        await File.WriteAllBytesAsync(path, Pdf("firewall rule review, quietly edited"));

        var report = (await TestClient.Parse(await manager.SubmitAt("/evidence/integrity", "main form", new Dictionary<string, string?>()))).QuerySelector("#integrity-report")!.TextContent;
        report.ShouldContain("Firewall review");
        report.ShouldContain("Changed");
        var refused = await manager.Get($"{evidenceUrl}/download");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Text()).ShouldContain("no longer matches the SHA-256 hash");
        (await refused.Text()).ShouldNotContain("Exception");

        File.Delete(path);
        var missing = (await TestClient.Parse(await manager.SubmitAt("/evidence/integrity", "main form", new Dictionary<string, string?>()))).QuerySelector("#integrity-report")!.TextContent;
        missing.ShouldContain("Missing");
        var checks = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>().CountAsync(a => a.Action == "IntegrityChecked"));
        checks.ShouldBeGreaterThanOrEqualTo(3);

        using var contributor = await app.SignedIn(Roles.Contributor);
        (await contributor.Get("/evidence/integrity")).LocationPath().ShouldStartWith("/account/access-denied");
    }

    [Fact]
    public async Task ARecurringControl_HasItsNextRun_OnTheOwnersWork_AndCompletingItOpensTheNext()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var control = await CreateControl(app, manager, "EV-4", "Quarterly", "Operating", due.ToString("yyyy-MM-dd"));
        var controlId = Guid.Parse(control.Split('/')[^1]);
        (await manager.Page(control)).QuerySelector("#control-tasks")!.TextContent.ShouldContain("Next run due");

        using var owner = await app.SignedIn(Roles.Contributor);
        var work = await owner.Page("/");
        var link = work.QuerySelectorAll("#control-work a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith(control, StringComparison.Ordinal));
        link.ShouldContain("/tasks/");

        // An edit form opened before the run is done, and saved after, must not move the next run back.
        var staleEdit = await manager.Page($"{control}/edit");

        // Completing asks for its evidence: a note without text is refused and the run stays open.
        var refused = await owner.SubmitAt(link, "main form", new Dictionary<string, string?> { ["Input.Kind"] = "Note", ["Input.Title"] = "Q1 review" });
        FieldText(await TestClient.Parse(refused), "Description").ShouldContain("Write the note");
        var done = await owner.SubmitAt(link, "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Note", ["Input.Title"] = "Q1 access review", ["Input.Description"] = "All 42 accounts checked; 3 leavers removed.",
        });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Text());

        var tasks = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ControlTask>().Where(t => t.ControlId == controlId)
            .OrderBy(t => t.DueOn).Select(t => new { t.DueOn, t.Status }).ToListAsync());
        tasks.Count.ShouldBe(2);
        tasks[0].ShouldBe(new { DueOn = due, Status = ControlTaskStatus.Done });
        tasks[1].ShouldBe(new { DueOn = due.AddMonths(3), Status = ControlTaskStatus.Open });
        (await owner.Get(link)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // a run is completed once
        (await manager.Submit(staleEdit, "main form", new Dictionary<string, string?> { ["Input.Name"] = "Quarterly access review (finance)" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var next = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ControlTask>().Where(t => t.ControlId == controlId && t.Status == ControlTaskStatus.Open).Select(t => t.DueOn).SingleAsync());
        next.ShouldBe(due.AddMonths(3));
        (await owner.Page("/")).QuerySelectorAll("#control-work a").Select(a => a.GetAttribute("href")!).ShouldNotContain(link);

        // The owner reviews evidence of their control that someone else collected.
        await Upload(manager, control, "Access list export", "accounts.csv", "user,role\nada,admin\n"u8.ToArray(), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd"));
        var mine = (await owner.Page("/")).QuerySelector("#control-work")!.TextContent;
        mine.ShouldContain("Evidence to review");
        mine.ShouldContain("Access list export");

        // Stopping the control withdraws its open run.
        var edit = await manager.Page($"{control}/edit");
        edit.QuerySelector("#f-NextDue")!.GetAttribute("value").ShouldBe(due.AddMonths(3).ToString("yyyy-MM-dd"));
        (await manager.Submit(edit, "main form", new Dictionary<string, string?> { ["Input.Status"] = "Planned" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var open = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ControlTask>().CountAsync(t => t.ControlId == controlId && t.Status == ControlTaskStatus.Open));
        open.ShouldBe(0);
    }

    [Fact]
    public async Task TheRegister_FiltersByStateInSql()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var control = await CreateControl(app, manager, "EV-5", "Yearly");
        var old = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2).ToString("yyyy-MM-dd");
        var expired = await manager.SubmitAt($"{control}/evidence/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Link", ["Input.Title"] = "EV-5 pen test report 2024", ["Input.Url"] = "https://tickets.example.test/PEN-2024", ["Input.CollectedOn"] = old,
        });
        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect, await expired.Text());
        (await manager.Page("/evidence?q=EV-5&state=Expired")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        (await manager.Page("/evidence?q=EV-5&state=Current")).QuerySelectorAll("tbody tr").Length.ShouldBe(0);
        (await manager.Page(control)).QuerySelector("#evidence-summary")!.TextContent.ShouldContain("No evidence is valid today");

        // Its owner sees it among their work: the control's evidence has expired.
        using var owner = await app.SignedIn(Roles.Contributor);
        var item = (await owner.Page("/")).QuerySelectorAll("#control-work li").Single(li => li.TextContent.Contains("EV-5", StringComparison.Ordinal));
        item.TextContent.ShouldContain("evidence expired");
    }
}

public abstract class EvidenceRuleTests(AppFactory app)
{
    [Fact]
    public async Task LinkingEvidenceToOnesOwnControl_GivesNoRightToAcceptIt()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var theirs = await EvidenceTests.CreateControl(app, manager, "EVR-1", ownerRole: Roles.IsmsManager);
        var mine = await EvidenceTests.CreateControl(app, manager, "EVR-2");
        using var admin = await app.SignedIn(Roles.Administrator);
        var uploaded = await EvidenceTests.Upload(admin, theirs, "Firewall rules export", "rules.pdf", EvidenceTests.Pdf("rules"));
        var evidence = uploaded.LocationPath().Split('?')[0];

        using var contributor = await app.SignedIn(Roles.Contributor);
        (await contributor.SubmitAt(evidence, "#controls form", new Dictionary<string, string?> { ["LinkInput.ControlReference"] = "EVR-2" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await contributor.Page(evidence);
        page.QuerySelector("#controls")!.TextContent.ShouldContain("EVR-2");
        page.QuerySelector("#review form").ShouldBeNull();
        page.QuerySelectorAll("#controls li button").Length.ShouldBe(0, "only the owner of EVR-1 or a reviewer removes links");
        using var api = await app.ApiClient(Roles.Contributor);
        var id = evidence.Split('/')[^1];
        var version = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/evidence/{id}")).GetProperty("version").GetInt32();
        (await api.PostAsJsonAsync($"/api/v1/evidence/{id}/review", new { decision = "Accepted", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await contributor.Page(mine)).QuerySelector("#evidence-summary")!.TextContent.ShouldContain("waiting for the control owner's review");
        (await contributor.Page("/")).QuerySelector("#control-work")?.TextContent.ShouldNotContain("Firewall rules export");
        (await manager.Page("/")).QuerySelector("#control-work")!.TextContent.ShouldContain("Firewall rules export");
    }

    [Fact]
    public async Task ADownload_KeepsItsSandbox_AndAnotherSiteCannotStartOneInSomeonesName()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var control = await EvidenceTests.CreateControl(app, manager, "EVD-1");
        var evidence = (await EvidenceTests.Upload(manager, control, "Patch report", "patches.pdf", EvidenceTests.Pdf("patches"))).LocationPath().Split('?')[0];
        var id = evidence.Split('/')[^1];
        async Task<int> Downloads() => await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>()
            .CountAsync(a => a.EntityId == id && a.Action == "Downloaded"));

        // A link on another site: refused with a page that says why, and nothing is written in the manager's name.
        using var crossSite = new HttpRequestMessage(HttpMethod.Get, $"{evidence}/download");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await manager.Http.SendAsync(crossSite);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Text()).ShouldContain("Open this download from OpenIsms");
        (await Downloads()).ShouldBe(0);

        // The page's own button: the file, served in a sandbox the global policy does not overwrite.
        using var ownPage = new HttpRequestMessage(HttpMethod.Get, $"{evidence}/download");
        ownPage.Headers.Add("Sec-Fetch-Site", "same-origin");
        var served = await manager.Http.SendAsync(ownPage);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("sandbox; default-src 'none'");
        (await Downloads()).ShouldBe(1);
    }

    [Fact]
    public async Task TheRegistersStateFilter_AgreesWithEachItemsState()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var control = await EvidenceTests.CreateControl(app, manager, "EVS-1", "Yearly", ownerRole: Roles.IsmsManager);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<string> Add(string title, string? collected = null, string? validUntil = null)
        {
            var fields = new Dictionary<string, string?> { ["Input.Kind"] = "Link", ["Input.Title"] = title, ["Input.Url"] = "https://records.example.test/" + title.Replace(' ', '-') };
            if (collected is not null)
            {
                fields["Input.CollectedOn"] = collected; // otherwise the form's own value (today) is sent
            }

            if (validUntil is not null)
            {
                fields["Input.ValidUntil"] = validUntil;
            }

            var added = await manager.SubmitAt($"{control}/evidence/new", "main form", fields);
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await TestClient.Parse(added)).QuerySelector(".error-summary")?.TextContent);
            return added.LocationPath().Split('?')[0];
        }

        using var reviewer = await app.SignedIn(Roles.Administrator); // not the collector: nobody reviews their own evidence
        async Task Review(string url, string decision, string? comment = null) =>
            (await reviewer.SubmitAt(url, "#review form", new Dictionary<string, string?> { ["ReviewInput.Decision"] = decision, ["ReviewInput.Comment"] = comment })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await Add("EVS pending");
        await Review(await Add("EVS current"), "Accepted");
        await Review(await Add("EVS soon", validUntil: today.AddDays(5).ToString("yyyy-MM-dd")), "Accepted");
        await Add("EVS old", collected: today.AddYears(-2).ToString("yyyy-MM-dd"));
        await Review(await Add("EVS wrong"), "Rejected", "Wrong system.");
        var expected = new Dictionary<string, (string Title, string Label)>
        {
            ["AwaitingReview"] = ("EVS pending", "Awaiting review"), ["Current"] = ("EVS current", "Current"), ["ExpiringSoon"] = ("EVS soon", "Expiring soon"),
            ["Expired"] = ("EVS old", "Expired"), ["Rejected"] = ("EVS wrong", "Rejected"),
        };
        foreach (var (state, (title, label)) in expected)
        {
            var rows = (await manager.Page($"/evidence?q=EVS&state={state}")).QuerySelectorAll("tbody tr").ToList();
            rows.Count.ShouldBe(1, state);
            rows[0].TextContent.ShouldContain(title);
            rows[0].QuerySelector(".badge")!.TextContent.ShouldBe(label);
        }

        // A control whose evidence never expires is not "expiring" on its owner's work, whatever older items say.
        var always = await EvidenceTests.CreateControl(app, manager, "EVS-2", "OnEvent", ownerRole: Roles.IsmsManager);
        var dated = await manager.SubmitAt($"{always}/evidence/new", "main form", new Dictionary<string, string?>
            { ["Input.Kind"] = "Note", ["Input.Title"] = "EVS-2 old drill", ["Input.Description"] = "Done.", ["Input.ValidUntil"] = today.AddDays(3).ToString("yyyy-MM-dd") });
        await Review(dated.LocationPath().Split('?')[0], "Accepted");
        var work = (await manager.Page("/")).QuerySelector("#control-work")!.TextContent;
        work.ShouldContain("EVS-2"); // expiring in 3 days
        var open = await manager.SubmitAt($"{always}/evidence/new", "main form", new Dictionary<string, string?> { ["Input.Kind"] = "Note", ["Input.Title"] = "EVS-2 standing record", ["Input.Description"] = "Kept." });
        await Review(open.LocationPath().Split('?')[0], "Accepted");
        (await manager.Page("/")).QuerySelectorAll("#control-work li").Where(li => li.TextContent.Contains("EVS-2 ·", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheApi_AnswersBadBodiesWithProblems_NotErrors()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var control = (await EvidenceTests.CreateControl(app, manager, "EVA-1")).Split('/')[^1];
        using var api = await app.ApiClient(Roles.IsmsManager);
        var malformed = await api.PostAsync($"/api/v1/controls/{control}/evidence", new StringContent("{\"kind\": \"Note\", ", System.Text.Encoding.UTF8, "application/json"));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.PostAsync($"/api/v1/controls/{control}/evidence", new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var undefined = await api.PostAsJsonAsync($"/api/v1/controls/{control}/evidence", new { kind = 99, title = "Odd" });
        undefined.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var form = new MultipartFormDataContent { { new StringContent("Dated"), "title" }, { new StringContent("1 March"), "collectedOn" }, { new StringContent("Some text"), "description" } };
        (await api.PostAsync($"/api/v1/controls/{control}/evidence", form)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await (await viewer.Get("/soa/rows/A.5.1")).Text()).ShouldNotContain("/soa/rows/A.5.1/edit");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class EvidenceRuleTestsOnSqlite(SqliteApp app) : EvidenceRuleTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class EvidenceRuleTestsOnPostgreSql(PostgresApp app) : EvidenceRuleTests(app.App), IClassFixture<PostgresApp>;

[Collection(SharedHosts.Sqlite)]
public sealed class EvidenceTestsOnSqlite(SqliteApp app) : EvidenceTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class EvidenceTestsOnPostgreSql(PostgresApp app) : EvidenceTests(app.App), IClassFixture<PostgresApp>;
