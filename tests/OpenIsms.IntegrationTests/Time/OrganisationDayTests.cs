using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Risks;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>The app under a fake clock that the test moves.</summary>
public class FakeClockApp(Provider provider) : AppFactory(provider)
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 10, 30, 0, TimeSpan.Zero));

    // Seeded under its own clock: a copy of the run's template would carry records made at today's real time.
    protected override bool FromTemplate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time));
    }
}

public sealed class SqliteFakeClockApp() : FakeClockApp(Provider.Sqlite);

public sealed class PostgresFakeClockApp() : FakeClockApp(Provider.PostgreSql);

/// <summary>
/// Every date rule follows the organisation's day. In Kiritimati (UTC+14) a day ends at 10:00 UTC: a review, an
/// acceptance, a treatment action, a control run and evidence all due on 2 March 2026 are still current at 09:59 UTC on 2 March and overdue
/// or expired at 10:01 UTC, while a UTC calendar would still say 2 March for another fourteen hours.
/// </summary>
public abstract class OrganisationDayTests(FakeClockApp app)
{
    private const string Zone = "Pacific/Kiritimati";

    [Fact]
    public async Task ReviewsAcceptancesRunsAndEvidence_TurnOverdueAtTheOrganisationsMidnight()
    {
        using (var admin = await app.SignedIn(Roles.Administrator))
        {
            var saved = await admin.SubmitAt("/settings/organisation", "main form", new Dictionary<string, string?> { ["Input.TimeZone"] = Zone });
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Text());
        }

        // 1 March 2025, 10:30 UTC: already 2 March in Kiritimati. The assessment is of 2 March, so the yearly review is due
        // on 2 March 2026, and so is the owner's acceptance.
        await Methodology.EnsureApproved(app);
        var ownerId = await app.UserId(Roles.Contributor);
        string risk, control;
        using (var manager = await app.SignedIn(Roles.IsmsManager))
        {
            var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
            {
                ["Input.Reference"] = "R-DAY-1", ["Input.Title"] = "Backups not tested", ["Input.OwnerId"] = ownerId,
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Text());
            risk = created.LocationPath().Split('?')[0];
            (await manager.Submit(await manager.Page(risk), ".assess-form", RiskFlowTests.Rating(3, [3, 3, 3, 3, 3], 2, [2, 2, 2, 2, 2])))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await manager.Submit(await manager.Page(risk), "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Accept", ["Input.TreatmentRationale"] = "Low." }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await manager.Page(risk)).QuerySelector("#rating")!.TextContent.ShouldContain("2 Mar 2026", customMessage: "the review counts from the organisation's date of the assessment");
            (await manager.Submit(await manager.Page(risk), "#actions form", new Dictionary<string, string?>
            {
                ["Input.Title"] = "Run a restore test", ["Input.OwnerId"] = ownerId, ["Input.Due"] = "2026-03-02",
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            // A quarterly control whose next run is due on 2 March 2026, with evidence valid until that day.
            control = await EvidenceTests.CreateControl(app, manager, "CTL-DAY-1", nextDue: "2026-03-02");
            var uploaded = await EvidenceTests.Upload(manager, control, "Restore test", "restore.pdf", EvidenceTests.Pdf("restore test"), validUntil: "2026-03-02");
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Text());
            var evidence = uploaded.LocationPath().Split('?')[0];
            using var owner = await app.SignedIn(Roles.Contributor);
            (await owner.SubmitAt(evidence, "#review form", new Dictionary<string, string?> { ["ReviewInput.Decision"] = "Accepted" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var accepted = await owner.SubmitAt(risk, "#acceptance form", new Dictionary<string, string?> { ["Input.AcceptanceNote"] = "Agreed." });
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await accepted.Text());

            // Someone whose last working day is 2 March 2026.
            (await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = "Dana Departing", ["Input.LeavingDate"] = "2026-03-02" }))
                .LocationPath().ShouldBe("/people?done=added");

            // The plan's export dates the owner's acceptance by the organisation's day: 1 March 10:30 UTC was 2 March there.
            var plan = await (await manager.Get("/risks/treatment-plan.csv?q=R-DAY-1")).Content.ReadAsStringAsync();
            plan.ShouldContain("Run a restore test");
            plan.ShouldContain(",2025-03-02,");
        }

        // 2 March 2026, 09:59 UTC: 23:59 on 2 March in Kiritimati. Everything is due today, nothing is late.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 59, 0, TimeSpan.Zero));
        var before = await MyWork();
        Line(before, "R-DAY-1", "Risks to review").ShouldNotContain("Overdue");
        Line(before, "R-DAY-1", "Treatment actions due").ShouldNotContain("Overdue");
        Line(before, "R-DAY-1", "Acceptances expiring").ShouldContain("Acceptance expires");
        Line(before, "CTL-DAY-1", "Control runs due").ShouldContain("today");
        Line(before, "CTL-DAY-1", "Control runs due").ShouldNotContain("Overdue");
        Line(before, "CTL-DAY-1", "Evidence expiring").ShouldContain("Expiring soon");
        (await ControlTasks(control)).ShouldNotContain("Overdue");
        (await ExpiredEvidence()).ShouldNotContain("Restore test");
        (await OverdueActions()).ShouldNotContain("Run a restore test");
        (await People(string.Empty)).ShouldContain("Leaves 2 Mar 2026", customMessage: "the last working day is not over");

        // 2 March 2026, 10:01 UTC: 00:01 on 3 March in Kiritimati (still 2 March in UTC). All of it is now late.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 1, 0, TimeSpan.Zero));
        var after = await MyWork();
        Line(after, "R-DAY-1", "Risks to review").ShouldContain("Overdue");
        Line(after, "R-DAY-1", "Treatment actions due").ShouldContain("Overdue");
        Line(after, "R-DAY-1", "Acceptances expiring").ShouldContain("Acceptance expired");
        Line(after, "CTL-DAY-1", "Control runs due").ShouldContain("yesterday");
        Line(after, "CTL-DAY-1", "Control runs due").ShouldContain("Overdue");
        Line(after, "CTL-DAY-1", "Evidence expiring").ShouldContain("Expired");
        (await ControlTasks(control)).ShouldContain("Overdue");
        (await ExpiredEvidence()).ShouldContain("Restore test");
        (await OverdueActions()).ShouldContain("Run a restore test");
        (await People(string.Empty)).ShouldNotContain("Dana Departing");
        (await People("?staff=Left")).ShouldContain("Left 2 Mar 2026");
        using var reader = await app.SignedIn(Roles.IsmsManager);
        var register = await reader.Page("/risks?overdue=true");
        register.QuerySelector("main")!.TextContent.ShouldContain("R-DAY-1");
    }

    private async Task<AngleSharp.Dom.IDocument> MyWork()
    {
        // A new sign-in at each step: a year on, the earlier session cookie has expired under the same clock.
        using var owner = await app.SignedIn(Roles.Contributor);
        return await owner.Page("/");
    }

    private async Task<string> ControlTasks(string control)
    {
        using var owner = await app.SignedIn(Roles.Contributor);
        return (await owner.Page(control)).QuerySelector("main")!.TextContent;
    }

    private async Task<string> ExpiredEvidence()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        return (await manager.Page("/evidence?state=Expired")).QuerySelector("main")!.TextContent;
    }

    private async Task<string> OverdueActions()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        return (await manager.Page("/risks/treatment-plan?overdue=true")).QuerySelector("main")!.TextContent;
    }

    private async Task<string> People(string query)
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        return (await manager.Page("/people" + query)).QuerySelector("main")!.TextContent;
    }

    /// <summary>The My work line for a record under the heading of a list.</summary>
    private static string Line(AngleSharp.Dom.IDocument page, string reference, string heading)
    {
        var h3 = page.QuerySelectorAll("h3").FirstOrDefault(h => h.TextContent.StartsWith(heading, StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"My work has no list \"{heading}\": {page.QuerySelector("main")?.TextContent}");
        var list = h3.NextElementSibling;
        while (list is not null && list.LocalName != "ul")
        {
            list = list.NextElementSibling;
        }

        return list?.QuerySelectorAll("li").FirstOrDefault(li => li.TextContent.Contains(reference, StringComparison.Ordinal))?.TextContent
            ?? throw new ShouldAssertException($"\"{heading}\" does not list {reference}: {list?.TextContent}");
    }
}

public sealed class OrganisationDayTestsOnSqlite(SqliteFakeClockApp app) : OrganisationDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class OrganisationDayTestsOnPostgreSql(PostgresFakeClockApp app) : OrganisationDayTests(app), IClassFixture<PostgresFakeClockApp>;
