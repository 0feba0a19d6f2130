using OpenIsms.Core.Security;

namespace OpenIsms.Core.Communications;

/// <summary>The communication plan's permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class CommunicationPermissions
{
    public const string Read = "communication.read";

    /// <summary>Plans communications and records that they happened.</summary>
    public const string Edit = "communication.edit";
}
