using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data.Log;

namespace OpenIsms.Core.Data;

/// <summary>
/// The one delete rule. Deleting a record is the same steps everywhere: permission, existence, version, then what the
/// records pointing at it declared (<see cref="WhenTargetDeletedAttribute"/>): parts and links are deleted, loose
/// references cleared, and anything else refuses the deletion with a message. Every one of these changes goes through
/// the context into the activity log.
/// </summary>
public static class RecordDeletion
{
    public static async Task<Result> DeleteAsync<T>(this OpenIsmsDbContext db, Guid id, int version, string permission, CancellationToken ct = default)
        where T : Entity
    {
        var (entity, failure) = await db.LoadForChange<T>(id, version, permission, ct: ct);
        if (entity is null)
        {
            return failure!;
        }

        return await db.RemoveWithDependents(entity, ct) ?? await db.SaveAsync(ct);
    }

    /// <summary>
    /// Marks the record deleted with what depends on it, following each foreign key's declared rule. Returns the refusal
    /// when a record that declared no rule still points at it; nothing is saved here.
    /// </summary>
    public static async Task<Result?> RemoveWithDependents(this OpenIsmsDbContext db, object record, CancellationToken ct = default)
    {
        var type = db.Model.FindEntityType(record.GetType()) ?? throw new InvalidOperationException($"{record.GetType().Name} is not a mapped entity.");
        foreach (var foreignKey in type.GetReferencingForeignKeys())
        {
            var property = foreignKey.Properties.Single();
            var key = db.Entry(record).Property(foreignKey.PrincipalKey.Properties.Single().Name).CurrentValue;
            var dependents = (await Dependents(db, foreignKey.DeclaringEntityType.ClrType, property.Name, key, ct))
                .Where(d => db.Entry(d).State != EntityState.Deleted).ToList();
            if (dependents.Count == 0)
            {
                continue;
            }

            switch (property.PropertyInfo?.GetCustomAttribute<WhenTargetDeletedAttribute>()?.Rule)
            {
                case OnTargetDeleted.Delete:
                    foreach (var dependent in dependents)
                    {
                        if (await db.RemoveWithDependents(dependent, ct) is { } refused)
                        {
                            return refused;
                        }
                    }

                    break;
                case OnTargetDeleted.Clear:
                    foreach (var dependent in dependents)
                    {
                        db.Entry(dependent).Property(property.Name).CurrentValue = null;
                    }

                    break;
                default:
                    return Result.Fail($"{dependents.Count} other record(s) ({AuditNames.Of(foreignKey.DeclaringEntityType.ClrType) ?? foreignKey.DeclaringEntityType.ClrType.Name}) still refer to this one. Change or remove them first.");
            }
        }

        db.Remove(record);
        return null;
    }

    private static readonly MethodInfo DependentsOf = typeof(RecordDeletion).GetMethod(nameof(DependentsOfType), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<List<object>> Dependents(OpenIsmsDbContext db, Type type, string property, object? key, CancellationToken ct) =>
        (Task<List<object>>)DependentsOf.MakeGenericMethod(type).Invoke(null, [db, property, key, ct])!;

    private static async Task<List<object>> DependentsOfType<T>(OpenIsmsDbContext db, string property, object? key, CancellationToken ct)
        where T : class
    {
        // e => e.{property} == holder.Value: the key stays a parameter, so the query plan is cached once per foreign key.
        var e = Expression.Parameter(typeof(T), "e");
        var member = Expression.Property(e, property);
        var value = Expression.Convert(Expression.Property(Expression.Constant(new KeyHolder(key)), nameof(KeyHolder.Value)), member.Type);
        var where = Expression.Lambda<Func<T, bool>>(Expression.Equal(member, value), e);
        return [.. await db.Set<T>().Where(where).ToListAsync(ct)];
    }

    private sealed class KeyHolder(object? value)
    {
        public object? Value { get; } = value;
    }
}
