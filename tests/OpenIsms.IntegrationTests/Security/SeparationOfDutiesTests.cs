using System.Net;
using System.Text.Json;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Risks;

namespace OpenIsms.IntegrationTests.Security;

/// <summary>Ownership needs the role's permission too; four eyes unless the organisation allows one; Viewers read only what their role says.</summary>
public abstract class SeparationOfDutiesTests(AppFactory app)
{
    /// <summary>A new person added on the Users page with one role; returns their id.</summary>
    internal static async Task<string> AddUser(AppFactory app, string name, string email, string role)
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        var added = await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password, ["Input.Roles"] = role,
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Text());
        var users = await admin.Page("/settings/users");
        var link = users.QuerySelectorAll("tbody a").First(a => a.TextContent == name);

        // The person's first sign-in: they replace the password the administrator chose (here with one of the same text).
        using var first = app.NewClient();
        await first.SignIn(email, AppFactory.Password);
        (await first.SubmitAt("/account?required=password", "main form", new Dictionary<string, string?>
        {
            ["Input.Current"] = AppFactory.Password, ["Input.Password"] = AppFactory.Password, ["Input.ConfirmPassword"] = AppFactory.Password,
        })).LocationPath().ShouldBe("/account?done=password");
        return link.GetAttribute("href")!.Split('/')[^1];
    }

    internal static async Task ChangeRole(AppFactory app, string userId, string role)
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        var page = await admin.Page($"/settings/users/{userId}");
        var saved = await admin.Submit(page, "main form", [new("Input.Roles", role), new("Input.IsActive", "true")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Text());
    }

    internal static async Task SetSamePersonMayApprove(AppFactory app, bool allowed)
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        var saved = await admin.SubmitAt("/settings/organisation", "main form", new Dictionary<string, string?> { ["Input.SamePersonMayApprove"] = allowed ? "true" : "false" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Text());
    }

    private static async Task<TestClient> SignIn(AppFactory app, string email)
    {
        var client = app.NewClient();
        await client.SignIn(email, AppFactory.Password);
        return client;
    }

    /// <summary>A risk owned by the given user, assessed (residual within or above the threshold) and treated, ready for sign-off.</summary>
    private static async Task<string> TreatedRisk(AppFactory app, TestClient editor, string ownerId, string reference, bool aboveThreshold)
    {
        await Methodology.EnsureApproved(app);
        var created = await editor.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = reference, ["Input.Title"] = $"Risk {reference}", ["Input.OwnerId"] = ownerId,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Text());
        var url = created.LocationPath().Split('?')[0];
        var residual = aboveThreshold ? 4 : 2;
        (await editor.Submit(await editor.Page(url), ".assess-form", RiskFlowTests.Rating(5, [5, 5, 5, 5, 5], residual, [residual, residual, residual, residual, residual])))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await editor.Submit(await editor.Page(url), "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Accept", ["Input.TreatmentRationale"] = "Cheaper to bear." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return url;
    }

    [Fact]
    public async Task AnOwnerWhoseRoleNoLongerAllowsIt_CannotSignOff_AndIsListedForAdministrators()
    {
        var ownerId = await AddUser(app, "Olga Owner", "olga@example.test", Roles.Contributor);
        using var manager = await app.SignedIn(Roles.IsmsManager);

        // Pickers offer only people whose role may own the record: no Viewer, no Auditor.
        var form = await manager.Page("/risks/new");
        var owners = form.QuerySelectorAll("#f-OwnerId option").Select(o => o.TextContent).ToList();
        owners.ShouldContain("Olga Owner");
        owners.ShouldNotContain("Viewer user");
        owners.ShouldNotContain("Auditor user");
        (await manager.Page("/controls/new")).QuerySelectorAll("#f-OwnerId option").Select(o => o.TextContent).ShouldNotContain("Viewer user");

        // Naming a Viewer anyway (a forged form) is refused beside the field.
        var forged = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Forged owner", ["Input.OwnerId"] = await app.UserId(Roles.Viewer),
        });
        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(forged)).QuerySelector("#f-OwnerId")!.Closest(".field")!.TextContent.ShouldContain("role does not allow them to be the owner of risks");

        var risk = await TreatedRisk(app, manager, ownerId, "R-SOD-1", aboveThreshold: false);
        var control = await EvidenceTests.CreateControl(app, manager, "SOD-CTL-1");
        var controlOwned = await manager.Submit(await manager.Page(control + "/edit"), "main form", new Dictionary<string, string?> { ["Input.OwnerId"] = ownerId });
        controlOwned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await controlOwned.Text());
        var evidence = (await EvidenceTests.Upload(manager, control, "Review record", "review.pdf", EvidenceTests.Pdf("review"))).LocationPath().Split('?')[0];

        // Then Olga becomes a Viewer: she still owns both, but may neither sign off the risk nor review the evidence.
        await ChangeRole(app, ownerId, Roles.Viewer);
        using var olga = await SignIn(app, "olga@example.test");
        var riskPage = await olga.Page(risk);
        riskPage.QuerySelector("#acceptance form").ShouldBeNull();
        riskPage.QuerySelector("#acceptance")!.TextContent.ShouldContain("your role does not allow signing off acceptance");
        (await olga.Get(evidence)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a Viewer may not open evidence");

        // As an Auditor she reads evidence, but still may not review it.
        await ChangeRole(app, ownerId, Roles.Auditor);
        using var auditor = await SignIn(app, "olga@example.test");
        (await auditor.Page(evidence)).QuerySelector("#review form").ShouldBeNull();
        using var api = await ApiAs(app, "olga@example.test");
        var refused = await api.PostAsync($"/api/v1/evidence/{evidence.Split('/')[^1]}/review", Json(new { decision = "Accepted", version = 1 }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The administrators' page lists her records.
        using var admin = await app.SignedIn(Roles.Administrator);
        var listed = (await admin.Page("/settings/ownership")).QuerySelector("main")!.TextContent;
        listed.ShouldContain("R-SOD-1");
        listed.ShouldContain("SOD-CTL-1");
        listed.ShouldContain("Olga Owner");
        await ChangeRole(app, ownerId, Roles.Contributor);
        (await admin.Page("/settings/ownership")).QuerySelector("main")!.TextContent.ShouldNotContain("R-SOD-1");
    }

    [Fact]
    public async Task NobodyReviewsWhatTheyCollected_NorApprovesWhatTheyAccepted_UnlessTheOrganisationAllowsIt()
    {
        await SetSamePersonMayApprove(app, false);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var managerId = await app.UserId(Roles.IsmsManager);

        // The manager owns the control and collects its evidence: they may not review it; My work does not ask them to.
        var control = await EvidenceTests.CreateControl(app, manager, "SOD-CTL-2", ownerRole: Roles.IsmsManager);
        var evidence = (await EvidenceTests.Upload(manager, control, "Firewall rules export", "rules.pdf", EvidenceTests.Pdf("rules"))).LocationPath().Split('?')[0];
        var page = await manager.Page(evidence);
        page.QuerySelector("#review form").ShouldBeNull();
        page.QuerySelector("#review")!.TextContent.ShouldContain("You collected this evidence, so someone else reviews it");
        (await manager.Page("/")).QuerySelector("main")!.TextContent.ShouldNotContain("Firewall rules export");
        using var api = await app.ApiClient(Roles.IsmsManager);
        var self = await api.PostAsync($"/api/v1/evidence/{evidence.Split('/')[^1]}/review", Json(new { decision = "Accepted", version = 1 }));
        self.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await self.Content.ReadAsStringAsync()).ShouldContain("someone else must review it");

        // The manager owns a High residual risk and accepts it; they may not also approve it for management.
        var risk = await TreatedRisk(app, manager, managerId, "R-SOD-2", aboveThreshold: true);
        (await manager.Submit(await manager.Page(risk), "#acceptance form", new Dictionary<string, string?>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await manager.Page(risk);
        page.QuerySelector("#acceptance form").ShouldBeNull();
        page.QuerySelector("#acceptance")!.TextContent.ShouldContain("another person with approval rights approves it");

        // A small organisation allows one person both; the records then say it happened.
        await SetSamePersonMayApprove(app, true);
        page = await manager.Page(evidence);
        (await manager.Submit(page, "#review form", new Dictionary<string, string?> { ["ReviewInput.Decision"] = "Accepted" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Page(evidence)).QuerySelector("#review")!.TextContent.ShouldContain("reviewed evidence they collected themselves");
        page = await manager.Page(risk);
        (await manager.Submit(page, "#acceptance form", new Dictionary<string, string?> { ["ApproveInput.ManagementNote"] = "We are three people." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await manager.Page(risk);
        page.QuerySelector("#acceptance")!.TextContent.ShouldContain("The owner approved their own acceptance");

        // Accepted and in force: there is no button to accept it again.
        page.QuerySelector("#acceptance form").ShouldBeNull();
        await SetSamePersonMayApprove(app, false);

        // The setting's changes are in the organisation's history.
        using var admin = await app.SignedIn(Roles.Administrator);
        var organisation = await admin.Page("/settings/organisation");
        var history = await admin.Page(organisation.QuerySelector("a.history-link")!.GetAttribute("href")!);
        history.QuerySelector("main")!.TextContent.ShouldContain("Same person may approve");
    }

    [Fact]
    public async Task AViewer_SeesNoEvidenceTitles_NorEmailAddressesOrTokenHashes()
    {
        using var contributor = await app.SignedIn(Roles.Contributor);
        var control = await EvidenceTests.CreateControl(app, contributor, "SOD-CTL-3", nextDue: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd"));
        var controlId = control.Split('/')[^1];
        var run = await contributor.Page(control);
        var complete = run.QuerySelector("#control-tasks a[href*='complete']")!.GetAttribute("href")!;
        var done = await contributor.SubmitFile(await contributor.Page(complete), "main form",
            new Dictionary<string, string?> { ["Input.Kind"] = "File", ["Input.Title"] = "Secret-titled access review" }, "File", "r.pdf", new MemoryStream(EvidenceTests.Pdf("x")));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Text());

        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Page(control)).QuerySelector("main")!.TextContent.ShouldNotContain("Secret-titled");
        (await viewer.Page("/activity?type=ControlTask")).QuerySelector("main")!.TextContent.ShouldNotContain("Secret-titled");
        (await viewer.Page("/")).QuerySelector("main")!.TextContent.ShouldNotContain("Secret-titled");
        using var viewerApi = await app.ApiClient(Roles.Viewer);
        (await (await viewerApi.GetAsync($"/api/v1/controls/{controlId}/tasks")).Content.ReadAsStringAsync()).ShouldNotContain("Secret-titled");

        // The activity log: e-mail addresses and token hashes for administrators only.
        var users = (await viewer.Page("/activity?type=User")).QuerySelector("main")!.TextContent;
        users.ShouldNotContain("@example.test");
        users.ShouldContain("(withheld)");
        (await viewer.Page("/activity?type=ApiToken")).QuerySelector("main")!.TextContent.ShouldContain("(withheld)");
        using var admin = await app.SignedIn(Roles.Administrator);
        (await admin.Page("/activity?type=User")).QuerySelector("main")!.TextContent.ShouldContain("@example.test");
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task<HttpClient> ApiAs(AppFactory app, string email)
    {
        using var browser = await SignIn(app, email);
        var created = await browser.SubmitAt("/account/api-tokens", "main form", new Dictionary<string, string?> { ["Input.Name"] = "Tests", ["Input.Days"] = "30" });
        var token = (await TestClient.Parse(created)).QuerySelector("#new-token code")!.TextContent;
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class SeparationOfDutiesTestsOnSqlite(SqliteApp app) : SeparationOfDutiesTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class SeparationOfDutiesTestsOnPostgreSql(PostgresApp app) : SeparationOfDutiesTests(app.App), IClassFixture<PostgresApp>;
