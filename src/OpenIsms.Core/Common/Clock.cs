using OpenIsms.Core.Organisations;

namespace OpenIsms.Core.Common;

/// <summary>
/// The one clock. "Now" is an instant, kept in UTC; "today" is a date, and dates are the organisation's: a review due
/// on 3 March is overdue once 3 March has ended where the organisation is, not in London. Everything that asks for the
/// time asks this (or the <see cref="TimeProvider"/> behind it); the system clock's own properties are banned by the
/// analyzer, so that tests can run every date rule under a fake clock.
/// </summary>
public sealed class Clock
{
    private readonly TimeProvider time;
    private readonly Func<CancellationToken, ValueTask<TimeZoneInfo>> zone;

    /// <summary>The app's clock: dates in the time zone the organisation's settings name.</summary>
    public Clock(TimeProvider time, OrganisationProfile organisation)
        : this(time, async ct => (await organisation.Get(ct)).Zone)
    {
    }

    /// <summary>A clock in a fixed zone, where there is no organisation to ask (design-time tools, a migration test).</summary>
    public Clock(TimeProvider time, TimeZoneInfo fixedZone)
        : this(time, _ => ValueTask.FromResult(fixedZone))
    {
    }

    private Clock(TimeProvider time, Func<CancellationToken, ValueTask<TimeZoneInfo>> zone)
    {
        this.time = time;
        this.zone = zone;
    }

    public TimeProvider Time => time;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public ValueTask<TimeZoneInfo> Zone(CancellationToken ct = default) => zone(ct);

    /// <summary>Today's date in the organisation's time zone.</summary>
    public async ValueTask<DateOnly> Today(CancellationToken ct = default) => TodayIn(await Zone(ct));

    public DateOnly TodayIn(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>The organisation's date on which an instant (stored in UTC) fell.</summary>
    public static DateOnly DateOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
