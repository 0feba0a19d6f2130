using OpenIsms.Core.Security;

namespace OpenIsms.Core.Responsibilities;

/// <summary>The ISMS roles' permissions (roles, who holds them, the RACI matrix); the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ResponsibilityPermissions
{
    public const string Read = "roles.read";

    public const string Edit = "roles.edit";
}
