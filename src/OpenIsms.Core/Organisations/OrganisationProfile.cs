using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Organisations;

/// <summary>
/// The organisation's name and time zone, for every page (header, times) and for the clock's "today". Read with its own
/// DbContext, because the layout initialises while the page below it is querying the request's context; kept for a
/// minute so that a page view costs no query. Saving the organisation forgets it on this node; another node sees the
/// change within the minute.
/// </summary>
public sealed class OrganisationProfile(IServiceScopeFactory scopes, TimeProvider time) : INodeMemory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private volatile Snapshot? cached;

    private sealed record Snapshot(string? Name, TimeZoneInfo Zone, DateTimeOffset ReadAt);

    public async ValueTask<(string? Name, TimeZoneInfo Zone)> Get(CancellationToken ct = default)
    {
        if (cached is { } c && time.GetUtcNow() - c.ReadAt < Lifetime)
        {
            return (c.Name, c.Zone);
        }

        await using var scope = scopes.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<GetOrganisation>().Handle(ct);
        var zone = ZoneOf(organisation?.TimeZone);

        // Before first-run set-up there is no organisation yet: that is not worth remembering.
        cached = organisation is null ? null : new(organisation.Name, zone, time.GetUtcNow());
        return (organisation?.Name, zone);
    }

    public void Forget() => cached = null;

    /// <summary>The zone of a stored id; UTC for none or for an id this machine's time-zone data does not know.</summary>
    public static TimeZoneInfo ZoneOf(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
