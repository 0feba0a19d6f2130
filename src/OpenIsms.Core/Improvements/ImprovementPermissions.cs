using OpenIsms.Core.Security;

namespace OpenIsms.Core.Improvements;

/// <summary>The improvement register's permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ImprovementPermissions
{
    public const string Read = "improvements.read";

    /// <summary>Records opportunities for improvement, decides on them and records their outcome.</summary>
    public const string Edit = "improvements.edit";
}
