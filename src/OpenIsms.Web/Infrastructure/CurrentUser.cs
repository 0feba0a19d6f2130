using System.Security.Claims;
using OpenIsms.Core.Common;
using OpenIsms.Core.Security;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// The signed-in person of the current request, as Core sees them. Work that runs outside a request (the commands,
/// the background checkpoints) names who it runs as with <see cref="ActAs"/>; without a request and without that,
/// nobody is signed in and nothing is permitted.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string DisplayNameClaim = "openisms:display_name";

    private ICurrentUser? actingAs;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => actingAs is not null ? actingAs.UserId
        : Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string DisplayName => actingAs is not null ? actingAs.DisplayName
        : Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity.Name ?? "Unknown"
        : "Not signed in";

    public bool Has(string permission) => actingAs is not null ? actingAs.Has(permission)
        : Principal?.Identity?.IsAuthenticated == true && RolePermissions.AnyGrants(Principal.FindAll(ClaimTypes.Role).Select(c => c.Value), permission);

    /// <summary>For this scope's work outside a request: the system itself, or a user a command names.</summary>
    public void ActAs(ICurrentUser user) => actingAs = user;
}
