using OpenIsms.Core.Security;

namespace OpenIsms.Core.Controls;

/// <summary>The Controls area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ControlPermissions
{
    public const string Read = "controls.read";

    public const string Edit = "controls.edit";

    /// <summary>As a control's owner, review the evidence collected for it.</summary>
    public const string Operate = "controls.operate";
}
