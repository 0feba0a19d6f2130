namespace OpenIsms.Core.Security;

/// <summary>
/// Every page and endpoint names one of these. A permission is granted through roles
/// (<see cref="RolePermissions"/>); nothing is granted by default.
/// </summary>
public static class Permissions
{
    public const string CatalogueRead = "catalogue.read";
    public const string ScopeRead = "scope.read";
    public const string ScopeEdit = "scope.edit";
    public const string ScopeApprove = "scope.approve";
    public const string ContextRead = "context.read";
    public const string ContextEdit = "context.edit";
    public const string AssetsRead = "assets.read";
    public const string AssetsEdit = "assets.edit";
    public const string RisksRead = "risks.read";
    public const string RisksEdit = "risks.edit";

    /// <summary>As a risk's owner, sign off its treatment plan and residual risk.</summary>
    public const string RisksAccept = "risks.accept";

    /// <summary>Edit and approve the risk methodology; approve acceptance of risks above the threshold.</summary>
    public const string RisksApprove = "risks.approve";
    public const string ControlsRead = "controls.read";
    public const string ControlsEdit = "controls.edit";

    /// <summary>As a control's owner, review the evidence collected for it.</summary>
    public const string ControlsOperate = "controls.operate";

    /// <summary>Approve the Statement of Applicability, freezing a numbered version.</summary>
    public const string SoaApprove = "soa.approve";
    /// <summary>See evidence and download its files.</summary>
    public const string EvidenceRead = "evidence.read";

    /// <summary>Add evidence (files, links, notes) and complete recurring control tasks.</summary>
    public const string EvidenceAdd = "evidence.add";

    /// <summary>Accept or reject any evidence; a control's owner may always review the evidence of their control.</summary>
    public const string EvidenceReview = "evidence.review";
    public const string ActivityRead = "activity.read";
    public const string ActivityVerify = "activity.verify";
    public const string UsersManage = "users.manage";
    public const string OrganisationManage = "organisation.manage";

    /// <summary>Anyone signed in: their own account, their own work.</summary>
    public const string Self = "self";

    public static readonly IReadOnlyList<string> All =
    [
        CatalogueRead, ScopeRead, ScopeEdit, ScopeApprove, ContextRead, ContextEdit,
        AssetsRead, AssetsEdit, RisksRead, RisksEdit, RisksAccept, RisksApprove, ControlsRead, ControlsEdit, ControlsOperate, SoaApprove,
        EvidenceRead, EvidenceAdd, EvidenceReview,
        ActivityRead, ActivityVerify, UsersManage, OrganisationManage, Self,
    ];
}
