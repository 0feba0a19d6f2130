using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Data.Log;

/// <summary>The activity log's stable names of the types it records (<see cref="AuditNameAttribute"/>).</summary>
public static class AuditNames
{
    public const string User = "User";
    public const string UserRole = "UserRole";
    public const string Role = "Role";

    private static readonly ConcurrentDictionary<Type, string?> Names = new();

    /// <summary>The audit name of a type the log records; null for one it does not.</summary>
    public static string? Of(Type clr) => Names.GetOrAdd(clr, static t => t switch
    {
        _ when typeof(Entity).IsAssignableFrom(t) => t.GetCustomAttribute<AuditNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"The entity {t.Name} has no [AuditName]: give it the name the activity log will record it under."),
        _ when t == typeof(AppUser) => User,
        _ when t == typeof(IdentityUserRole<string>) => UserRole,
        _ when t == typeof(IdentityRole) => Role,
        _ => null,
    });

    public static string Of<T>() => Of(typeof(T)) ?? throw new InvalidOperationException($"The activity log does not record {typeof(T).Name}.");
}
