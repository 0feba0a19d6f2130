using OpenIsms.Core.Security;

namespace OpenIsms.Core.Soa;

/// <summary>The Soa area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class SoaPermissions
{
    /// <summary>Approve the Statement of Applicability, freezing a numbered version.</summary>
    public const string Approve = "soa.approve";
}
