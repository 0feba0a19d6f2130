using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>
/// A nonconformity's dates under the fake clock: its corrective action is on time the day it is due and overdue the day
/// after (on My work and in the register's overdue filter); the effectiveness check comes onto the verifier's My work a
/// week before its date and is overdue after it.
/// </summary>
public abstract class NonconformityDayTests(FakeClockApp app)
{
    private Task<T> Scoped<T>(Func<IServiceProvider, Task<T>> work) => app.InScope(sp =>
    {
        sp.GetRequiredService<Web.Infrastructure.HttpCurrentUser>().ActAs(SystemUser.Instance);
        return work(sp);
    });

    private void At(DateOnly day) => app.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    [Fact]
    public async Task ItsActionFallsOverdue_AndItsCheckComesDue_OnTheirDays()
    {
        var start = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(7);
        At(start);
        var title = $"Restore test skipped {Guid.NewGuid():N}"[..34];
        var managerId = await app.UserId(Roles.IsmsManager);
        Guid id;
        using (var api = await app.ApiClient(Roles.IsmsManager))
        {
            var created = await api.PostAsJsonAsync("/api/v1/nonconformities", new { title, description = "x", requirementText = "Backup policy", ownerId = managerId, raisedOn = start });
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Task<int> Version() => Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Nonconformity>().Where(n => n.Id == id).Select(n => n.Version).SingleAsync());
            (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/transitions", new { to = "Corrected", text = "Restored", on = start, version = await Version() })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/transitions", new { to = "CauseFound", method = "FreeAnalysis", rootCause = "No owner", version = await Version() }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/actions", new { title = $"Name an owner {title}", ownerId = managerId, dueOn = start.AddDays(5) }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/transitions", new { to = "ActionsPlanned", effectivenessDueOn = start.AddDays(20), version = await Version() }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Due on day 5: on time that day, overdue the next.
        At(start.AddDays(5));
        using (var manager = await app.SignedIn(Roles.IsmsManager))
        {
            (await manager.Page("/")).QuerySelector("#nonconformity-work")!.QuerySelectorAll("li").Single(li => li.TextContent.Contains($"Name an owner {title}"))
                .TextContent.ShouldNotContain("Overdue");
            (await manager.Page("/nonconformities?overdue=true&mine=true")).QuerySelector("main")!.TextContent.ShouldNotContain(title);
        }

        At(start.AddDays(6));
        using (var manager = await app.SignedIn(Roles.IsmsManager))
        {
            (await manager.Page("/")).QuerySelector("#nonconformity-work")!.QuerySelectorAll("li").Single(li => li.TextContent.Contains($"Name an owner {title}"))
                .TextContent.ShouldContain("Overdue");
            (await manager.Page("/nonconformities?overdue=true&mine=true")).QuerySelector("tbody")!.TextContent.ShouldContain(title);

            // Done and implemented: the check (day 20) is not yet on My work on day 6.
            using var api = await app.ApiClient(Roles.IsmsManager);
            var action = await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<CorrectiveAction>().Where(a => a.NonconformityId == id).Select(a => new { a.Id, a.Version }).SingleAsync());
            (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/actions/{action.Id}/finish", new { done = true, outcome = "Owner named", version = action.Version }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            var version = await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Nonconformity>().Where(n => n.Id == id).Select(n => n.Version).SingleAsync());
            (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/transitions", new { to = "Implemented", version })).StatusCode.ShouldBe(HttpStatusCode.OK);
            ((await manager.Page("/")).QuerySelector("#nonconformity-work")?.TextContent ?? "").ShouldNotContain("effectiveness check due");
        }

        // A week before the check: on the verifier's My work; the day after it: overdue.
        At(start.AddDays(13));
        using (var manager = await app.SignedIn(Roles.IsmsManager))
        {
            var check = (await manager.Page("/")).QuerySelector("#nonconformity-work")!.QuerySelectorAll("li").Single(li => li.TextContent.Contains(title));
            check.TextContent.ShouldContain("effectiveness check due");
            check.TextContent.ShouldNotContain("Overdue");
        }

        At(start.AddDays(21));
        using (var manager = await app.SignedIn(Roles.IsmsManager))
        {
            (await manager.Page("/")).QuerySelector("#nonconformity-work")!.QuerySelectorAll("li").Single(li => li.TextContent.Contains(title)).TextContent.ShouldContain("Overdue");
            (await manager.Page($"/nonconformities/{id}")).QuerySelector("#check-due")!.TextContent.ShouldContain("Overdue");
        }
    }
}

public sealed class NonconformityDayTestsOnSqlite(SqliteFakeClockApp app) : NonconformityDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class NonconformityDayTestsOnPostgreSql(PostgresFakeClockApp app) : NonconformityDayTests(app), IClassFixture<PostgresFakeClockApp>;
