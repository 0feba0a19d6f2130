using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Data;

/// <summary>How a handler refuses to overwrite a record someone else changed since the form was loaded.</summary>
public static class Concurrency
{
    /// <summary>
    /// Compares the version the form was loaded with; if it still matches, the UPDATE is guarded by it too,
    /// so a change that lands between this check and the save is caught by <see cref="SaveAsync"/>.
    /// </summary>
    public static ConflictInfo? CheckVersion(this OpenIsmsDbContext db, Entity entity, int loadedVersion)
    {
        if (entity.Version != loadedVersion)
        {
            return new ConflictInfo(entity.UpdatedBy, entity.UpdatedAt, entity.Version);
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = loadedVersion;
        return null;
    }

    private static string Words(string field) => string.Concat(field.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static async Task<Result> SaveAsync(this OpenIsmsDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateException ex) when (Constraints.IsUniqueViolation(ex))
        {
            // Someone saved the same value a moment earlier (two people typing the same identifier): beside the field.
            var field = Constraints.FieldOf(ex);
            var value = field.Length == 0 ? null : ex.Entries.Select(e => e.Properties.FirstOrDefault(p => p.Metadata.Name == field)?.CurrentValue).FirstOrDefault(v => v is not null);
            db.ChangeTracker.Clear();
            return Result.Invalid(new FieldError(field, field.Length > 0
                ? $"{value ?? "This " + Words(field)} was saved for another record a moment ago. Choose another {Words(field)}, or reload to see it."
                : "Another record saved a moment ago already uses one of these values. Reload and try again."));
        }
        catch (DbUpdateException ex) when (Constraints.IsMissingReference(ex))
        {
            var deleting = ex.Entries.Any(e => e.State == EntityState.Deleted);
            db.ChangeTracker.Clear();
            return Result.Fail(deleting
                ? "Other records still refer to this one, so it cannot be deleted. Remove those links first."
                : "A record this one refers to was deleted a moment ago. Reload the page and choose again.");
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var values = ex.Entries.Count > 0 ? await ex.Entries[0].GetDatabaseValuesAsync(ct) : null;
            if (values is null)
            {
                return Result.NotFound();
            }

            return Result.Stale(new ConflictInfo(
                values.GetValue<string>(nameof(Entity.UpdatedBy)),
                values.GetValue<DateTime>(nameof(Entity.UpdatedAt)),
                values.GetValue<int>(nameof(Entity.Version))));
        }
    }
}
