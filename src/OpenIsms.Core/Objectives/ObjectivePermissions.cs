using OpenIsms.Core.Security;

namespace OpenIsms.Core.Objectives;

/// <summary>Objectives and measurement's permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ObjectivePermissions
{
    public const string Read = "objectives.read";

    public const string Edit = "objectives.edit";

    /// <summary>Records a metric's values.</summary>
    public const string Measure = "metrics.measure";
}
