using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Objectives;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>
/// Automatic metrics under the fake clock: measured when due and once per due date however often the schedule runs,
/// from the records as they are that day; a manual value falls due on My work by the clock.
/// </summary>
public abstract class MetricDayTests(FakeClockApp app)
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
    public async Task AnAutomaticMetric_IsMeasuredOncePerDueDate_FromTheRecordsOfThatDay()
    {
        var start = NextDay();
        using var manager = await app.SignedIn(Roles.IsmsManager);
        (await manager.SubmitAt("/metrics/new", "#metric-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Overdue actions (clock)", ["Input.Source"] = "OverdueTreatmentActions", ["Input.Direction"] = "LowerIsBetter", ["Input.Target"] = "0",
            ["Input.Every"] = "Month",
        })).LocationPath().ShouldContain("done=added");
        var id = await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Metric>().Where(m => m.Name == "Overdue actions (clock)").Select(m => m.Id).SingleAsync());

        // Due on the day it was defined: measured once, however often the schedule runs that day.
        var expected = await Scoped(sp => sp.GetRequiredService<TakeAutomaticMeasurements>().Value(MetricSource.OverdueTreatmentActions, start, default));
        (await Scoped(sp => sp.GetRequiredService<TakeAutomaticMeasurements>().Handle())).ShouldBeGreaterThanOrEqualTo(1);
        (await Scoped(sp => sp.GetRequiredService<TakeAutomaticMeasurements>().Handle())).ShouldBe(0);
        var values = await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Measurement>().Where(m => m.MetricId == id).ToListAsync());
        values.Single().TakenOn.ShouldBe(start);
        values.Single().Value.ShouldBe(expected);
        values.Single().RecordedBy.ShouldBe("System");

        // A month later it is due again; the day before, it is not.
        At(start.AddMonths(1).AddDays(-1));
        (await Scoped(sp => sp.GetRequiredService<TakeAutomaticMeasurements>().Handle())).ShouldBe(0);
        At(start.AddMonths(1));
        (await Scoped(sp => sp.GetRequiredService<TakeAutomaticMeasurements>().Handle())).ShouldBeGreaterThanOrEqualTo(1);
        (await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Measurement>().CountAsync(m => m.MetricId == id))).ShouldBe(2);
        (await Scoped(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Metric>().Where(m => m.Id == id).Select(m => m.NextDueOn).SingleAsync())).ShouldBe(start.AddMonths(2));
    }

    [Fact]
    public async Task AManualValue_FallsDueOnTheMeasurersWork_ByTheClock()
    {
        var start = NextDay();
        using var manager = await app.SignedIn(Roles.IsmsManager);
        (await manager.SubmitAt("/metrics/new", "#metric-form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Backup restore tests passed", ["Input.Direction"] = "HigherIsBetter", ["Input.Target"] = "100", ["Input.Every"] = "Quarter",
            ["Input.FirstDueOn"] = start.AddDays(30).ToString("yyyy-MM-dd"), ["Input.MeasuredById"] = await app.UserId(Roles.Contributor),
        })).LocationPath().ShouldContain("done=added");
        using (var contributor = await app.SignedIn(Roles.Contributor))
        {
            ((await contributor.Page("/")).QuerySelector("#objective-work") is null).ShouldBeTrue();
        }

        At(start.AddDays(31));
        using var later = await app.SignedIn(Roles.Contributor);
        var work = (await later.Page("/")).QuerySelector("#objective-work")!;
        work.TextContent.ShouldContain("Backup restore tests passed");
        work.QuerySelectorAll(".badge").Select(b => b.TextContent).ShouldContain("Overdue");
    }
}

public sealed class MetricDayTestsOnSqlite(SqliteFakeClockApp app) : MetricDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class MetricDayTestsOnPostgreSql(PostgresFakeClockApp app) : MetricDayTests(app), IClassFixture<PostgresFakeClockApp>;
