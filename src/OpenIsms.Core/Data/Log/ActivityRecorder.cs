using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenIsms.Core.Common;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Data.Log;

/// <summary>Turns tracked changes into activity entries (before/after JSON) and chains their hashes.</summary>
internal static class ActivityRecorder
{
    // Only these user fields are recorded: secrets (password hash, stamps, keys) never enter the log.
    private static readonly HashSet<string> UserFields =
        [nameof(AppUser.Email), nameof(AppUser.UserName), nameof(AppUser.DisplayName), nameof(AppUser.IsActive),
         nameof(AppUser.TwoFactorEnabled), nameof(AppUser.LockoutEnd), nameof(AppUser.MustChangePassword)];

    private static readonly HashSet<string> Bookkeeping = [nameof(Entity.UpdatedAt), nameof(Entity.UpdatedBy)];

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal sealed record Pending
    {
        public required string EntityType { get; init; }

        public required string EntityId { get; init; }

        public required string Action { get; init; }

        public required string? Before { get; init; }

        public required string? After { get; init; }

        public string? StateHash { get; init; }
    }

    /// <summary>Both providers keep microseconds; truncating first makes the stored time hash the same when read back.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public static void Stamp(ChangeTracker tracker, DateTime now, ICurrentUser user)
    {
        foreach (var entry in tracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedBy = user.DisplayName;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedBy = user.DisplayName;
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }

    /// <summary>Whether a save would write any entry, found without building the entries (a save's fast path).</summary>
    public static bool HasChanges(ChangeTracker tracker) => tracker.Entries().Any(entry =>
        entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified && AuditOf(entry.Metadata.ClrType).Type is not null
        && (entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
            && !Bookkeeping.Contains(p.Metadata.Name) && p.Metadata.Name != nameof(Entity.Version) && AuditOf(entry.Metadata.ClrType).Include(p.Metadata.Name))));

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var result = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var (type, id, include) = Describe(entry);
            if (type is null)
            {
                continue;
            }

            var props = entry.Properties.Where(p => include(p.Metadata.Name)).ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    result.Add(new()
                    {
                        EntityType = type,
                        EntityId = id,
                        Action = ActivityActions.Created,
                        Before = null,
                        After = Serialize(props, p => p.CurrentValue),
                        StateHash = State(props),
                    });
                    break;
                case EntityState.Deleted:
                    result.Add(new()
                    {
                        EntityType = type,
                        EntityId = id,
                        Action = ActivityActions.Deleted,
                        Before = Serialize(props, p => p.OriginalValue),
                        After = null,
                        StateHash = "",
                    });
                    break;
                default:
                    var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                        && !Bookkeeping.Contains(p.Metadata.Name) && p.Metadata.Name != nameof(Entity.Version)).ToList();
                    if (changed.Count > 0)
                    {
                        result.Add(new()
                        {
                            EntityType = type,
                            EntityId = id,
                            Action = ActivityActions.Updated,
                            Before = Serialize(changed, p => p.OriginalValue),
                            After = Serialize(changed, p => p.CurrentValue),
                            StateHash = State(props),
                        });
                    }

                    break;
            }
        }

        return result;
    }

    /// <summary>
    /// The audit name, id and state hash of a record as the database holds it now (read untracked), for the
    /// reconciliation: the same fields and the same canonical form as when its last change was written. Null for an
    /// object of a type that is not audited.
    /// </summary>
    public static (string Type, string Id, string StateHash)? CurrentState(object entity, Microsoft.EntityFrameworkCore.Metadata.IEntityType model)
    {
        var (type, id, include) = Audit(entity);
        if (type is null)
        {
            return null;
        }

        var values = model.GetProperties().Where(p => !p.IsShadowProperty() && include(p.Name))
            .Select(p => (p.Name, p.GetGetter().GetClrValueUsingContainingEntity(entity)));
        return (type, id, State(values));
    }

    private static string State(List<PropertyEntry> props) =>
        State(props.Where(p => !p.Metadata.IsShadowProperty()).Select(p => (p.Metadata.Name, p.CurrentValue)));

    /// <summary>
    /// "fingerprint:hash": SHA-256 of every recorded field's value (the version excepted: a save that changed nothing
    /// still counts it up), in a canonical form both providers read back identically — fields by name, times in UTC to
    /// the microsecond — after a fingerprint of the field names, so that a state is only ever compared with one of the
    /// same shape (a new version of the app that adds a field baselines that type once; see ReconcileRecords).
    /// </summary>
    private static string State(IEnumerable<(string Name, object? Value)> props)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in props.Where(p => p.Name != nameof(Entity.Version)))
        {
            values[name] = value switch
            {
                DateTime t => Truncate(t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)),
                DateTimeOffset o => Truncate(o.UtcDateTime),
                var v => v,
            };
        }

        return Fingerprint(values.Keys) + ":" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(values, Json)));
    }

    /// <summary>The shape of a state: the first 8 hex digits of the SHA-256 of its field names, in order.</summary>
    public static string Fingerprint(IEnumerable<string> fields) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(',', fields.Order(StringComparer.Ordinal)))))[..8];

    /// <summary>The fingerprint a type's states have now: its recorded, non-shadow fields, the version excepted.</summary>
    public static string? Fingerprint(Microsoft.EntityFrameworkCore.Metadata.IEntityType model)
    {
        var (type, include) = AuditOf(model.ClrType);
        return type is null ? null : Fingerprint(model.GetProperties().Where(p => !p.IsShadowProperty() && include(p.Name) && p.Name != nameof(Entity.Version)).Select(p => p.Name));
    }

    public static List<ActivityEntry> Chain(List<Pending> pending, long lastSequence, string lastHash, DateTime now, ICurrentUser user, ActivityKey key)
    {
        var entries = new List<ActivityEntry>(pending.Count);
        foreach (var p in pending)
        {
            var entry = new ActivityEntry
            {
                Sequence = ++lastSequence,
                At = now,
                UserId = user.UserId,
                UserName = user.DisplayName,
                EntityType = p.EntityType,
                EntityId = p.EntityId,
                Action = p.Action,
                Before = p.Before,
                After = p.After,
                StateHash = p.StateHash,
                KeyId = key.Id,
                PreviousHash = lastHash,
            };
            entry.Hash = ActivityHash.Compute(entry, key);
            lastHash = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    private static (string? Type, string Id, Func<string, bool> Include) Describe(EntityEntry entry) => Audit(entry.Entity);

    private static (string? Type, string Id, Func<string, bool> Include) Audit(object entity)
    {
        var (type, include) = AuditOf(entity.GetType());
        var id = entity switch
        {
            Entity e => e.Id.ToString(),
            AppUser u => u.Id,
            IdentityUserRole<string> r => r.UserId,
            IdentityRole r => r.Id,
            _ => "",
        };
        return (type, id, include);
    }

    /// <summary>A type's audit name and the fields its entries record; no name for types the log does not record.</summary>
    private static (string? Type, Func<string, bool> Include) AuditOf(Type clr) => clr switch
    {
        _ when typeof(Entity).IsAssignableFrom(clr) => (AuditNames.Of(clr), name => !Bookkeeping.Contains(name)),
        _ when clr == typeof(AppUser) => (AuditNames.User, UserFields.Contains),
        _ when clr == typeof(IdentityUserRole<string>) => (AuditNames.UserRole, name => name is "UserId" or "RoleId"),

        // Roles are made at start-up and never renamed; a name changed in the database (to turn a Viewer into an
        // Administrator) is found by the reconciliation.
        _ when clr == typeof(IdentityRole) => (AuditNames.Role, name => name is "Name"),
        _ => (null, _ => false),
    };

    private static string Serialize(IEnumerable<PropertyEntry> props, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(props.ToDictionary(p => p.Metadata.Name, value), Json);
}
