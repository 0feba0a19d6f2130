using OpenIsms.Core.Security;

namespace OpenIsms.Core.Frameworks;

/// <summary>The catalogue area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class CataloguePermissions
{
    /// <summary>Browse the frameworks' catalogues.</summary>
    public const string Read = "catalogue.read";
}
