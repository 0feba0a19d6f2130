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
    public const string ActivityRead = "activity.read";
    public const string ActivityVerify = "activity.verify";
    public const string UsersManage = "users.manage";
    public const string OrganisationManage = "organisation.manage";

    /// <summary>Anyone signed in: their own account, their own work.</summary>
    public const string Self = "self";

    public static readonly IReadOnlyList<string> All =
    [
        CatalogueRead, ScopeRead, ScopeEdit, ScopeApprove, ContextRead, ContextEdit,
        ActivityRead, ActivityVerify, UsersManage, OrganisationManage, Self,
    ];
}
