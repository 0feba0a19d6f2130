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

    /// <summary>A clock in a fixed zone, where there is no organisation to ask (design-time tools, a migration test).</summary>
    public Clock(TimeProvider time, TimeZoneInfo fixedZone)
        : this(time, _ => ValueTask.FromResult(fixedZone))
    {
    }

    /// <summary>
    /// The app's clock: dates in the zone <paramref name="zone"/> gives — the organisation's settings, read by
    /// Organisations' profile (Common names no area, so the dependency points down).
    /// </summary>
    public Clock(TimeProvider time, Func<CancellationToken, ValueTask<TimeZoneInfo>> zone)
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
