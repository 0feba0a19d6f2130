using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenIsms.Core.Scope;
using OpenIsms.Core.Security;

namespace OpenIsms.Web.Infrastructure;

/// <summary>Names the permission a page or endpoint needs: <c>@attribute [HasPermission(ScopePermissions.Edit)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class HasPermissionAttribute : AuthorizeAttribute
{
    public const string Prefix = "permission:";

    public HasPermissionAttribute(string permission)
        : base(Prefix + permission) => Permission = permission;

    public string Permission { get; }
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var roles = context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value);
        if (context.User.Identity?.IsAuthenticated == true && RolePermissions.AnyGrants(roles, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Builds a policy for every "permission:x" name, so permissions need no registration one by one.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(HasPermissionAttribute.Prefix, StringComparison.Ordinal))
        {
            var permission = policyName[HasPermissionAttribute.Prefix.Length..];
            if (!Permissions.All.Contains(permission))
            {
                throw new InvalidOperationException($"Unknown permission '{permission}'.");
            }

            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
