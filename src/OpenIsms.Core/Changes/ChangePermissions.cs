using OpenIsms.Core.Security;

namespace OpenIsms.Core.Changes;

/// <summary>The planned changes' permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ChangePermissions
{
    public const string Read = "changes.read";

    /// <summary>Plans changes to the ISMS and records how they went.</summary>
    public const string Edit = "changes.edit";
}
