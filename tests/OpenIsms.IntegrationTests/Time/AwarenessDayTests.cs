using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Awareness;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>
/// Training dates under the fake clock: annual awareness completed is due again a year later (and overdue the day
/// after), and someone who starts after an onboarding assignment was made is due within its days of their start date.
/// </summary>
public abstract class AwarenessDayTests(FakeClockApp app)
{
    /// <summary>A page read by a manager signed in at the clock's present time (a session does not outlive the clock's jumps).</summary>
    private async Task<AngleSharp.Dom.IDocument> Fresh(string url)
    {
        using var client = await app.SignedIn(Roles.IsmsManager);
        return await client.Page(url);
    }

    private static string Row(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains(name)).TextContent;

    [Fact]
    public async Task AnnualAwareness_IsDueAgainAYearAfterCompletion_AndANewStarterWithinTheOnboardingDays()
    {
        app.Time.SetUtcNow(new DateTimeOffset(2025, 3, 1, 10, 30, 0, TimeSpan.Zero));
        var department = $"Clockwork {Guid.NewGuid():N}"[..20];
        var (anna, ben) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            var a = new Person();
            a.Update(new SavePerson.Command { Name = "Anna Annual", Department = department, StartDate = new DateOnly(2020, 1, 1) }).Succeeded.ShouldBeTrue();
            var b = new Person();
            b.Update(new SavePerson.Command { Name = "Ben Starter", Department = department, StartDate = new DateOnly(2025, 4, 1) }).Succeeded.ShouldBeTrue();
            db.AddRange(a, b);
            (await db.SaveAsync()).Succeeded.ShouldBeTrue();
            return (a.Id, b.Id);
        });

        using var manager = await app.SignedIn(Roles.IsmsManager);
        var added = await manager.SubmitAt("/training/new", "#training-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Annual awareness", ["Input.Kind"] = "Course", ["Input.ValidityMonths"] = "12",
        });
        var id = Guid.Parse(added.LocationPath().Split('/')[2].Split('?')[0]);
        (await manager.SubmitAt($"/training/{id}/assign", "#assign-form", new Dictionary<string, string?>
        {
            ["Input.Audience"] = "Department", ["Input.Department"] = department, ["Input.FirstDueDate"] = "2025-03-31", ["Input.OnboardingDays"] = "10",
        })).LocationPath().ShouldContain("done=assigned");

        // The session on 5 March, recorded a few days later.
        app.Time.SetUtcNow(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        using var trainer = await app.SignedIn(Roles.IsmsManager);
        (await trainer.Submit(await trainer.Page($"/training/{id}/attendance"), "#attendance-form",
            [new("Input.CompletedOn", "2025-03-05"), new("Input.PersonIds", anna.ToString())])).LocationPath().ShouldContain("done=recorded");

        // Anna is done until 5 March 2026; Ben, starting on 1 April, is due on 11 April (not on 31 March).
        var page = await Fresh($"/training/{id}");
        Row(page, "Anna Annual").ShouldContain("Done");
        Row(page, "Anna Annual").ShouldContain("5 Mar 2026");
        Row(page, "Ben Starter").ShouldContain("11 Apr 2025");

        app.Time.SetUtcNow(new DateTimeOffset(2025, 4, 11, 23, 59, 0, TimeSpan.Zero));
        Row(await Fresh($"/training/{id}"), "Ben Starter").ShouldContain("Due");
        app.Time.SetUtcNow(new DateTimeOffset(2025, 4, 12, 0, 1, 0, TimeSpan.Zero));
        Row(await Fresh($"/training/{id}"), "Ben Starter").ShouldContain("Overdue");

        // A year on: Anna is still in date on 5 March 2026, overdue on the 6th, and the dashboard counts her.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));
        Row(await Fresh($"/training/{id}"), "Anna Annual").ShouldContain("Done");
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 0, 1, 0, TimeSpan.Zero));
        Row(await Fresh($"/training/{id}"), "Anna Annual").ShouldContain("Overdue");
        var dashboard = await Fresh($"/training?training={id}");
        dashboard.QuerySelector($"tr[data-department='{department}'] .rate-cell")!.TextContent.Trim().ShouldBe("0%");
        dashboard.QuerySelector("#overdue")!.TextContent.ShouldContain("Anna Annual");

        // Completing it again puts her back in date for another year.
        using var again = await app.SignedIn(Roles.IsmsManager);
        (await again.Submit(await again.Page($"/training/{id}/attendance"), "#attendance-form",
            [new("Input.CompletedOn", "2026-03-06"), new("Input.PersonIds", anna.ToString())])).LocationPath().ShouldContain("done=recorded");
        var after = await Fresh($"/training/{id}");
        Row(after, "Anna Annual").ShouldContain("Done");
        Row(after, "Anna Annual").ShouldContain("6 Mar 2027");
        (await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<TrainingCompletion>().CountAsync(c => c.PersonId == anna))).ShouldBe(2);
        ben.ShouldNotBe(Guid.Empty);
    }
}

public sealed class AwarenessDayTestsOnSqlite(SqliteFakeClockApp app) : AwarenessDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class AwarenessDayTestsOnPostgreSql(PostgresFakeClockApp app) : AwarenessDayTests(app), IClassFixture<PostgresFakeClockApp>;
