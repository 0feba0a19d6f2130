using OpenIsms.Core.Security;

namespace OpenIsms.Core.People;

/// <summary>The People area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class PeoplePermissions
{
    public const string Read = "people.read";

    public const string Edit = "people.edit";
}
