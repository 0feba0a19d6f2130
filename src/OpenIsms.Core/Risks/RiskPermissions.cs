using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>The Risks area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class RiskPermissions
{
    public const string Read = "risks.read";

    public const string Edit = "risks.edit";

    /// <summary>As a risk's owner, sign off its treatment plan and residual risk.</summary>
    public const string Accept = "risks.accept";

    /// <summary>Edit and approve the risk methodology; approve acceptance of risks above the threshold.</summary>
    public const string Approve = "risks.approve";
}
