using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>
/// The document register's dates under the fake clock: the next review counts from the day of approval, a review is
/// overdue once that day has passed (register filter and My work), and a campaign's pending people are overdue only
/// after its due day.
/// </summary>
public abstract class DocumentDayTests(FakeClockApp app)
{
    /// <summary>A page read by a manager signed in at the clock's present time (a session does not outlive the clock's jumps).</summary>
    private async Task<AngleSharp.Dom.IDocument> Fresh(string url)
    {
        using var client = await app.SignedIn(Roles.IsmsManager);
        return await client.Page(url);
    }

    [Fact]
    public async Task TheReviewAndTheCampaign_FallDueByTheAppsClock()
    {
        app.Time.SetUtcNow(new DateTimeOffset(2025, 3, 1, 10, 30, 0, TimeSpan.Zero));
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var added = await manager.SubmitAt("/documents/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Procedure", ["Input.Title"] = "Clock procedure", ["Input.OwnerId"] = await app.UserId(Roles.IsmsManager), ["Input.ReviewIntervalMonths"] = "12",
        });
        var id = Guid.Parse(added.LocationPath().Split('/')[2].Split('?')[0]);
        var versionId = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<DocumentVersion>().Where(v => v.DocumentId == id).Select(v => v.Id).SingleAsync());
        await manager.SubmitAt($"/documents/{id}/versions/{versionId}/edit", "#draft-form", new Dictionary<string, string?> { ["Input.Content"] = "Tick." });
        await manager.Submit(await manager.Page($"/documents/{id}/versions/{versionId}/submit"), "#submit-form",
            [new("Input.Quorum", "Any"), new("Input.ApproverIds", await app.UserId(Roles.Administrator))]);
        using var admin = await app.SignedIn(Roles.Administrator);
        await admin.Submit(await admin.Page($"/documents/{id}/versions/{versionId}"), "#approve-form", new Dictionary<string, string?>());
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<ControlledDocument>().Where(d => d.Id == id).Select(d => d.NextReview).SingleAsync()))
            .ShouldBe(new DateOnly(2026, 3, 1));

        // A campaign due on 10 March: pending, not overdue, until that day has ended.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            var p = new Person();
            p.Update(new SavePerson.Command { Name = "Clara Clock", Department = "Clocks" }).Succeeded.ShouldBeTrue();
            db.Add(p);
            return (await db.SaveAsync()).Succeeded;
        });
        (await manager.Submit(await manager.Page($"/documents/{id}/campaigns/new"), "#campaign-form",
            new Dictionary<string, string?> { ["Input.Departments"] = "Clocks", ["Input.DueDate"] = "2025-03-10" })).LocationPath().ShouldContain("done=campaign");
        var campaign = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<AckCampaign>().Where(c => c.DocumentId == id).Select(c => c.Id).SingleAsync());
        app.Time.SetUtcNow(new DateTimeOffset(2025, 3, 10, 23, 59, 0, TimeSpan.Zero));
        (await Fresh($"/documents/campaigns/{campaign}")).QuerySelector("#progress")!.TextContent.ShouldContain("none overdue");
        app.Time.SetUtcNow(new DateTimeOffset(2025, 3, 11, 0, 1, 0, TimeSpan.Zero));
        (await Fresh($"/documents/campaigns/{campaign}")).QuerySelector("#progress")!.TextContent.ShouldContain("1 overdue");

        // The review: on the owner's work a month ahead, overdue only once 1 March 2026 has ended.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.Zero));
        var dueToday = await Fresh("/");
        dueToday.QuerySelector("#document-work")!.TextContent.ShouldContain("Clock procedure");
        dueToday.QuerySelectorAll("#document-work .badge").ShouldBeEmpty();
        (await Fresh("/documents?overdue=true")).QuerySelector("main")!.TextContent.ShouldNotContain("Clock procedure");
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 0, 1, 0, TimeSpan.Zero));
        (await Fresh("/")).QuerySelectorAll("#document-work .badge").Select(b => b.TextContent).ShouldContain("Overdue");
        (await Fresh("/documents?overdue=true")).QuerySelector("main table")!.TextContent.ShouldContain("Clock procedure");
    }
}

public sealed class DocumentDayTestsOnSqlite(SqliteFakeClockApp app) : DocumentDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class DocumentDayTestsOnPostgreSql(PostgresFakeClockApp app) : DocumentDayTests(app), IClassFixture<PostgresFakeClockApp>;
