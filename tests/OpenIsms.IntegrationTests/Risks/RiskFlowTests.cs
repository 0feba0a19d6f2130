using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Risks;

/// <summary>A risk from record to acceptance through the pages: assess, treat, plan, sign off; the heat map and the register follow.</summary>
public abstract class RiskFlowTests(AppFactory app)
{
    /// <summary>The assessment form's fields: one likelihood and one impact per area, for inherent and residual.</summary>
    internal static List<KeyValuePair<string, string?>> Rating(int inherentLikelihood, int[] inherentImpacts, int residualLikelihood, int[] residualImpacts) =>
    [
        new("Input.InherentLikelihood", inherentLikelihood.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. inherentImpacts.Select(i => new KeyValuePair<string, string?>("Input.InherentImpacts", i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        new("Input.ResidualLikelihood", residualLikelihood.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. residualImpacts.Select(i => new KeyValuePair<string, string?>("Input.ResidualImpacts", i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];

    [Fact]
    public async Task Record_Assess_Treat_Plan_Accept_ShowsOnTheHeatMap()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var ownerId = await app.UserId(Roles.IsmsManager);

        // Bad input first: no title, no owner.
        var refused = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Title"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await TestClient.Parse(refused);
        form.QuerySelector("#f-Title")!.Closest(".field")!.TextContent.ShouldContain("Enter a short title");
        form.QuerySelector("#f-OwnerId")!.Closest(".field")!.TextContent.ShouldContain("Choose the risk owner");

        var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Ransomware <b>encrypts</b> the file server",
            ["Input.Description"] = "Attackers use a stolen admin password.",
            ["Input.OwnerId"] = ownerId,
            ["Input.ExistingControls"] = "Nightly backups",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var riskUrl = created.LocationPath().Split('?')[0];
        var page = await manager.Page(riskUrl);
        page.QuerySelector("h1")!.TextContent.ShouldContain("R-001 · Ransomware <b>encrypts</b> the file server");

        // Assess: a rating outside the scale is refused beside its field.
        var outside = await manager.Submit(page, ".assess-form", new Dictionary<string, string?>
        {
            ["Input.InherentLikelihood"] = "9",
        });
        outside.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await outside.Text()).ShouldContain("Choose a likelihood between 1 and 5");

        // Five impact areas in the default methodology; the highest impact counts.
        var impacts = Rating(4, [2, 5, 2, 2, 2], 2, [1, 3, 1, 1, 1]);

        var assessed = await manager.Submit(page, ".assess-form", impacts);
        assessed.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await TestClient.Parse(assessed)).QuerySelector(".error-summary, .notice-error, #conflict")?.TextContent);
        page = await manager.Page(riskUrl);
        var rating = page.QuerySelector("#rating")!.TextContent;
        rating.ShouldContain("Critical"); // likelihood 4 × impact 5 in the default matrix
        rating.ShouldContain("Medium");   // likelihood 2 × impact 3

        // Treatment without a rationale is refused; with one it is recorded.
        var noReason = await manager.Submit(page, "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Mitigate", ["Input.TreatmentRationale"] = "" });
        (await noReason.Text()).ShouldContain("Say why this treatment was chosen");
        (await manager.Submit(page, "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Mitigate", ["Input.TreatmentRationale"] = "Cheaper than the loss." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = await manager.Page(riskUrl);
        (await manager.Submit(page, "#actions form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Phishing-resistant MFA for admins", ["Input.OwnerId"] = ownerId, ["Input.Due"] = "2027-03-31",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The owner accepts; Medium is within the default threshold, so it is in force at once.
        page = await manager.Page(riskUrl);
        page.QuerySelector("#actions")!.TextContent.ShouldContain("Phishing-resistant MFA for admins");
        (await manager.Submit(page, "#acceptance form", new Dictionary<string, string?> { ["Input.AcceptanceNote"] = "Agreed in the March review." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await manager.Page(riskUrl);
        page.QuerySelector("#acceptance")!.TextContent.ShouldContain("In force until");
        page.QuerySelector(".page-head")!.TextContent.ShouldContain("Accepted");

        // The heat maps count it in inherent (4,5) and residual (2,3); the cell links filter the register.
        var register = await manager.Page("/risks/heatmap");
        register.QuerySelector("a[href='/risks?kind=inherent&l=4&i=5'] text.count")!.TextContent.Trim().ShouldBe("1");
        register.QuerySelector("a[href='/risks?kind=residual&l=2&i=3'] text.count")!.TextContent.Trim().ShouldBe("1");
        (await manager.Page("/risks?kind=residual&l=2&i=3")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        (await manager.Page("/risks?kind=residual&l=4&i=5")).QuerySelectorAll("tbody tr").Length.ShouldBe(0);
        (await manager.Page("/risks/treatment-plan")).QuerySelector("tbody")!.TextContent.ShouldContain("Phishing-resistant MFA");

        // Every step is in the activity log.
        var logged = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>()
            .Where(e => e.EntityType == "Risk" || e.EntityType == "RiskAssessment" || e.EntityType == "RiskAcceptance" || e.EntityType == "TreatmentAction")
            .Select(e => e.EntityType).Distinct().CountAsync());
        logged.ShouldBe(4);

        // A Viewer reads it but has nothing to press.
        using var viewer = await app.SignedIn(Roles.Viewer);
        var read = await viewer.Page(riskUrl);
        read.QuerySelectorAll("main form").Length.ShouldBe(0);
        (await viewer.Get(riskUrl + "/edit")).LocationPath().ShouldStartWith("/account/access-denied");
    }

    [Fact]
    public async Task AcceptingAboveTheThreshold_WaitsForManagement_AndOnlyTheOwnerSigns()
    {
        await Methodology.EnsureApproved(app);
        using var contributor = await app.SignedIn(Roles.Contributor);
        var ownerId = await app.UserId(Roles.Contributor);
        var created = await contributor.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = "R-HIGH", ["Input.Title"] = "Supplier outage", ["Input.OwnerId"] = ownerId,
        });
        var riskUrl = created.LocationPath().Split('?')[0];
        var page = await contributor.Page(riskUrl);
        var rating = Rating(5, [5, 5, 5, 5, 5], 4, [4, 4, 4, 4, 4]); // residual 4 × 4 is High: above the threshold

        (await contributor.Submit(page, ".assess-form", rating)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await contributor.Page(riskUrl);
        (await contributor.Submit(page, "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Accept", ["Input.TreatmentRationale"] = "No alternative supplier exists." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The ISMS manager is not the owner: no sign-off form for them.
        using var manager = await app.SignedIn(Roles.IsmsManager);
        (await manager.Page(riskUrl)).QuerySelector("#acceptance form").ShouldBeNull();

        page = await contributor.Page(riskUrl);
        (await contributor.Submit(page, "#acceptance form", new Dictionary<string, string?>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await contributor.Page(riskUrl);
        page.QuerySelector("#acceptance")!.TextContent.ShouldContain("needs management approval");
        page.QuerySelector(".page-head")!.TextContent.ShouldNotContain("Accepted");
        page.QuerySelector("#acceptance form").ShouldBeNull("a contributor cannot approve for management");

        // Management approves with a reason; only then is it in force.
        var approval = await manager.Page(riskUrl);
        var noReason = await manager.Submit(approval, "#acceptance form", new Dictionary<string, string?> { ["ApproveInput.ManagementNote"] = "" });
        (await noReason.Text()).ShouldContain("Say why management accepts");
        (await manager.Submit(approval, "#acceptance form", new Dictionary<string, string?> { ["ApproveInput.ManagementNote"] = "Board decision 2026-11." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await contributor.Page(riskUrl);
        page.QuerySelector("#acceptance")!.TextContent.ShouldContain("Approved by management");
        page.QuerySelector(".page-head")!.TextContent.ShouldContain("Accepted");

        // Re-assessing ends the acceptance: the new rating has not been accepted.
        rating = Rating(5, [5, 5, 5, 5, 5], 3, [4, 4, 4, 4, 4]);
        (await contributor.Submit(page, ".assess-form", rating)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await contributor.Page(riskUrl);
        page.QuerySelector(".page-head")!.TextContent.ShouldNotContain("Accepted");
        page.QuerySelector("#acceptance")!.TextContent.ShouldContain("has not signed off");
    }
}

/// <summary>Test set-up: the seeded draft methodology approved, as the ISMS manager would on the methodology page.</summary>
internal static class Methodology
{
    public static Task EnsureApproved(AppFactory app) => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<OpenIsmsDbContext>();
        if (!await db.Set<RiskMethodology>().AnyAsync(m => m.Status == MethodologyStatus.Approved))
        {
            var draft = await db.Set<RiskMethodology>().SingleAsync(m => m.Status == MethodologyStatus.Draft);
            draft.Approve("test", "Test set-up", DateTime.UtcNow).Succeeded.ShouldBeTrue();
            await db.SaveChangesAsync();
        }

        return true;
    });
}

[Collection(SharedHosts.Sqlite)]
public sealed class RiskFlowTestsOnSqlite(SqliteApp app) : RiskFlowTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class RiskFlowTestsOnPostgres(PostgresApp app) : RiskFlowTests(app.App), IClassFixture<PostgresApp>;
