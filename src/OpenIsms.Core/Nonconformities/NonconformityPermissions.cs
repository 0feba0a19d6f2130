using OpenIsms.Core.Security;

namespace OpenIsms.Core.Nonconformities;

/// <summary>The nonconformity register's permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class NonconformityPermissions
{
    public const string Read = "nonconformities.read";

    /// <summary>Raises nonconformities and takes them through correction, cause analysis and corrective action.</summary>
    public const string Edit = "nonconformities.edit";

    /// <summary>Checks whether corrective actions were effective: closes or reopens a nonconformity.</summary>
    public const string Verify = "nonconformities.verify";
}
