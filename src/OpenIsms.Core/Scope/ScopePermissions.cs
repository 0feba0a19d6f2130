using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>The Scope area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ScopePermissions
{
    public const string Read = "scope.read";

    public const string Edit = "scope.edit";

    /// <summary>Approve the ISMS scope, freezing a version.</summary>
    public const string Approve = "scope.approve";
}
