using OpenIsms.Core.Security;

namespace OpenIsms.Core.Organisations;

/// <summary>The Organisations area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class OrganisationPermissions
{
    public const string Manage = "organisation.manage";
}
