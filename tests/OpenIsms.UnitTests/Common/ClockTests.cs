using Microsoft.Extensions.Time.Testing;
using OpenIsms.Core.Common;

namespace OpenIsms.UnitTests.Common;

public sealed class ClockTests
{
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
    private static readonly TimeZoneInfo Honolulu = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");

    [Theory]
    [InlineData("2026-03-02T09:59:00Z", "Pacific/Kiritimati", "2026-03-02")]
    [InlineData("2026-03-02T10:00:00Z", "Pacific/Kiritimati", "2026-03-03")]
    [InlineData("2026-03-02T09:59:00Z", "Pacific/Honolulu", "2026-03-01")]
    [InlineData("2026-03-02T10:00:00Z", "Pacific/Honolulu", "2026-03-02")]
    [InlineData("2026-03-29T00:30:00Z", "Europe/Berlin", "2026-03-29")]
    [InlineData("2026-03-28T23:30:00Z", "Europe/Berlin", "2026-03-29")]
    [InlineData("2026-03-28T22:59:00Z", "Europe/Berlin", "2026-03-28")]
    public async Task Today_IsTheDateWhereTheOrganisationIs(string utc, string zone, string today)
    {
        var clock = new Clock(new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), TimeZoneInfo.FindSystemTimeZoneById(zone));
        (await clock.Today()).ShouldBe(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DateOf_AnInstant_IsTheOrganisationsDate_NotUtcs()
    {
        var instant = new DateTime(2025, 3, 1, 10, 30, 0, DateTimeKind.Utc);
        Clock.DateOf(instant, Kiritimati).ShouldBe(new DateOnly(2025, 3, 2));
        Clock.DateOf(instant, Honolulu).ShouldBe(new DateOnly(2025, 3, 1));
        Clock.DateOf(DateTime.SpecifyKind(instant, DateTimeKind.Unspecified), TimeZoneInfo.Utc).ShouldBe(new DateOnly(2025, 3, 1), "stored instants are UTC whatever their kind");
    }

    [Fact]
    public void NowMovesWithTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new Clock(time, TimeZoneInfo.Utc);
        time.Advance(TimeSpan.FromHours(25));
        clock.UtcNow.ShouldBe(new DateTime(2026, 1, 2, 1, 0, 0, DateTimeKind.Utc));
        clock.UtcNow.Kind.ShouldBe(DateTimeKind.Utc);
    }
}
