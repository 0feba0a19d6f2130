using System.Reflection;

namespace OpenIsms.Core.Security;

/// <summary>Marks an area's class of permission constants (<c>RiskPermissions</c>): found by <see cref="Permissions.All"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PermissionSetAttribute : Attribute;

/// <summary>
/// Every page and endpoint names a permission; each area declares its own in its folder (<c>Risks/RiskPermissions.cs</c>),
/// and a permission is granted only through roles (<see cref="RolePermissions"/>); nothing is granted by default.
/// </summary>
[PermissionSet]
public static class Permissions
{
    /// <summary>Anyone signed in: their own account, their own work.</summary>
    public const string Self = "self";

    /// <summary>Every permission the areas declare.</summary>
    public static readonly IReadOnlyList<string> All = typeof(Permissions).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<PermissionSetAttribute>() is not null)
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal).ToList();
}
