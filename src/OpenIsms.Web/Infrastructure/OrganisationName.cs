using OpenIsms.Core.Organisations;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// The organisation's name for the page header. Read with its own DbContext, because the layout initialises while
/// the page below it is querying the request's context; kept for a minute so that a page view costs no query.
/// </summary>
public sealed class OrganisationName(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (string? Name, DateTimeOffset ReadAt)? cached;

    public async Task<string?> Get(CancellationToken ct = default)
    {
        if (cached is { } c && clock.GetUtcNow() - c.ReadAt < Lifetime)
        {
            return c.Name;
        }

        await using var scope = scopes.CreateAsyncScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<GetOrganisation>().Handle(ct);
        // Before first-run set-up there is no organisation yet: that is not worth remembering.
        cached = organisation is null ? null : (organisation.Name, clock.GetUtcNow());
        return organisation?.Name;
    }

    public void Forget() => cached = null;
}
