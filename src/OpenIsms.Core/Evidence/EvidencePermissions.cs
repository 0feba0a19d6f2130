using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>The Evidence area's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class EvidencePermissions
{
    /// <summary>See evidence and download its files.</summary>
    public const string Read = "evidence.read";

    /// <summary>Add evidence (files, links, notes) and complete recurring control tasks.</summary>
    public const string Add = "evidence.add";

    /// <summary>Accept or reject any evidence; a control's owner may always review the evidence of their control.</summary>
    public const string Review = "evidence.review";
}
