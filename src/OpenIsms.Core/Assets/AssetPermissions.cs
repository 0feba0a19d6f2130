using OpenIsms.Core.Security;

namespace OpenIsms.Core.Assets;

/// <summary>The Assets area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class AssetPermissions
{
    public const string Read = "assets.read";

    public const string Edit = "assets.edit";
}
