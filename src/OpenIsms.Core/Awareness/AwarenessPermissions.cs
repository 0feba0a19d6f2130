using OpenIsms.Core.Security;

namespace OpenIsms.Core.Awareness;

/// <summary>The awareness area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>). "My training" needs only <see cref="Permissions.Self"/>.</summary>
[PermissionSet]
public static class AwarenessPermissions
{
    public const string Read = "training.read";

    public const string Edit = "training.edit";
}
