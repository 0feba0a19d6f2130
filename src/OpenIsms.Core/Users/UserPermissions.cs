using OpenIsms.Core.Security;

namespace OpenIsms.Core.Users;

/// <summary>The Users area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class UserPermissions
{
    public const string Manage = "users.manage";
}
