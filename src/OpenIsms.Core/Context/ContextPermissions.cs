using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>The Context area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ContextPermissions
{
    public const string Read = "context.read";

    public const string Edit = "context.edit";
}
