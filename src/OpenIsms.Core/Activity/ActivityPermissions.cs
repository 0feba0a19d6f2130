using OpenIsms.Core.Security;

namespace OpenIsms.Core.Activity;

/// <summary>The Activity area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ActivityPermissions
{
    public const string Read = "activity.read";

    /// <summary>Verify the activity log and the evidence files' integrity.</summary>
    public const string Verify = "activity.verify";
}
