using static OpenIsms.Core.Security.Permissions;

namespace OpenIsms.Core.Security;

/// <summary>Which role grants which permission. The route-by-role test checks every page against this map.</summary>
public static class RolePermissions
{
    private static readonly string[] Read = [CatalogueRead, ScopeRead, ContextRead, AssetsRead, RisksRead, ControlsRead, ActivityRead, Self];

    private static readonly Dictionary<string, HashSet<string>> Map = new(StringComparer.Ordinal)
    {
        [Roles.Administrator] = [.. All],
        [Roles.IsmsManager] = [.. Read, ScopeEdit, ScopeApprove, ContextEdit, AssetsEdit, RisksEdit, RisksAccept, RisksApprove, ControlsEdit, ControlsOperate, SoaApprove, EvidenceRead, EvidenceAdd, EvidenceReview, ActivityVerify],
        [Roles.Contributor] = [.. Read, ScopeEdit, ContextEdit, AssetsEdit, RisksEdit, RisksAccept, ControlsEdit, ControlsOperate, EvidenceRead, EvidenceAdd],
        [Roles.Auditor] = [.. Read, EvidenceRead, ActivityVerify],
        [Roles.Viewer] = [.. Read],
    };

    public static bool Grants(string role, string permission) =>
        Map.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static bool AnyGrants(IEnumerable<string> roles, string permission) => roles.Any(r => Grants(r, permission));

    /// <summary>The roles that grant a permission, for queries that look for people who may do something.</summary>
    public static IReadOnlyList<string> RolesGranting(string permission) => [.. Map.Where(m => m.Value.Contains(permission)).Select(m => m.Key)];
}
