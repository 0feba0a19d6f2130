using System.Security.Claims;
using OpenIsms.Core.Common;
using OpenIsms.Core.Security;

namespace OpenIsms.Web.Infrastructure;

/// <summary>The signed-in person of the current request, as Core sees them.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string DisplayNameClaim = "openisms:display_name";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string DisplayName => Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity.Name ?? "Unknown"
        : "Not signed in";

    public bool Has(string permission) =>
        Principal?.Identity?.IsAuthenticated == true
        && RolePermissions.AnyGrants(Principal.FindAll(ClaimTypes.Role).Select(c => c.Value), permission);
}
