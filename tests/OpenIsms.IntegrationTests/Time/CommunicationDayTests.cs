using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>
/// The communication plan under the fake clock: a planned communication falls due on its owner's My work a week
/// before its date and is overdue the day after; recorded late, its next date is a period after the day it happened.
/// </summary>
public abstract class CommunicationDayTests(FakeClockApp app)
{
    private Task<T> Scoped<T>(Func<IServiceProvider, Task<T>> work) => app.InScope(sp =>
    {
        sp.GetRequiredService<Web.Infrastructure.HttpCurrentUser>().ActAs(SystemUser.Instance);
        return work(sp);
    });

    /// <summary>The start of a day at least a week after the clock's present (the tests share the clock and may run in any order).</summary>
    private DateOnly NextDay()
    {
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(7);
        At(day);
        return day;
    }

    private void At(DateOnly day) => app.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    [Fact]
    public async Task APlannedCommunication_FallsDue_GoesOverdue_AndRecordedLateMovesAPeriodFromThatDay()
    {
        var start = NextDay();
        var subject = $"Board security report {Guid.NewGuid():N}"[..32];
        using var manager = await app.SignedIn(Roles.IsmsManager);
        (await manager.SubmitAt("/communications/new", "#communication-form", new Dictionary<string, string?>
        {
            ["Input.Subject"] = subject, ["Input.Audience"] = "The board", ["Input.Channel"] = "Board pack", ["Input.Frequency"] = "Quarterly",
            ["Input.NextDueOn"] = start.AddDays(20).ToString("yyyy-MM-dd"), ["Input.OwnerId"] = await app.UserId(Roles.Contributor),
        })).LocationPath().ShouldContain("done=added");
        var id = await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<CommunicationItem>().Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync());

        using (var contributor = await app.SignedIn(Roles.Contributor))
        {
            ((await contributor.Page("/")).QuerySelector("#communication-work")?.TextContent ?? "").ShouldNotContain(subject);
        }

        // A week before: on My work, not yet overdue.
        At(start.AddDays(14));
        using (var contributor = await app.SignedIn(Roles.Contributor))
        {
            var work = (await contributor.Page("/")).QuerySelector("#communication-work")!;
            work.TextContent.ShouldContain(subject);
            work.QuerySelectorAll("li").Single(li => li.TextContent.Contains(subject)).TextContent.ShouldNotContain("Overdue");
        }

        using (var reader = await app.SignedIn(Roles.IsmsManager)) // signed in again: the moved clock ended the earlier session
        {
            (await reader.Page("/communications?due=Overdue")).QuerySelector("main")!.TextContent.ShouldNotContain(subject);
        }

        // The day after its date: overdue on My work and in the plan's overdue filter.
        At(start.AddDays(21));
        using var late = await app.SignedIn(Roles.Contributor);
        using var lateManager = await app.SignedIn(Roles.IsmsManager);
        (await late.Page("/")).QuerySelector("#communication-work")!.QuerySelectorAll("li").Single(li => li.TextContent.Contains(subject)).TextContent.ShouldContain("Overdue");
        (await lateManager.Page("/communications?due=Overdue")).QuerySelector("tbody")!.TextContent.ShouldContain(subject);

        // Recorded that day, a day late: the next date is a quarter after the day it happened, and it is no longer overdue.
        var page = await late.Page($"/communications/{id}");
        (await late.Submit(page, "#happened-form", new Dictionary<string, string?>
        {
            ["Input.HappenedOn"] = start.AddDays(21).ToString("yyyy-MM-dd"), ["Input.Note"] = "Presented at the board meeting",
        })).LocationPath().ShouldContain("done=communicated");
        (await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<CommunicationItem>().Where(c => c.Id == id).Select(c => c.NextDueOn).SingleAsync()))
            .ShouldBe(start.AddDays(21).AddMonths(3));
        (await lateManager.Page("/communications?due=Overdue")).QuerySelector("main")!.TextContent.ShouldNotContain(subject);
    }
}

public sealed class CommunicationDayTestsOnSqlite(SqliteFakeClockApp app) : CommunicationDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class CommunicationDayTestsOnPostgreSql(PostgresFakeClockApp app) : CommunicationDayTests(app), IClassFixture<PostgresFakeClockApp>;
