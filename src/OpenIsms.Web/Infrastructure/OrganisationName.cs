using OpenIsms.Core.Organisations;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// The organisation's name and time zone for every page (header, times). Read with its own DbContext, because the
/// layout initialises while the page below it is querying the request's context; kept for a minute so that a page view
/// costs no query.
/// </summary>
public sealed class OrganisationName(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (string? Name, TimeZoneInfo Zone, DateTimeOffset ReadAt)? cached;

    public async Task<string?> Get(CancellationToken ct = default) => (await Profile(ct)).Name;

    public async Task<(string? Name, TimeZoneInfo Zone)> Profile(CancellationToken ct = default)
    {
        if (cached is { } c && clock.GetUtcNow() - c.ReadAt < Lifetime)
        {
            return (c.Name, c.Zone);
        }

        await using var scope = scopes.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<GetOrganisation>().Handle(ct);
        var zone = organisation is not null && TimeZoneInfo.TryFindSystemTimeZoneById(organisation.TimeZone, out var z) ? z : TimeZoneInfo.Utc;

        // Before first-run set-up there is no organisation yet: that is not worth remembering.
        cached = organisation is null ? null : (organisation.Name, zone, clock.GetUtcNow());
        return (organisation?.Name, zone);
    }

    public void Forget() => cached = null;
}
