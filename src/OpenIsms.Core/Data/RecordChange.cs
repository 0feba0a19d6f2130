using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Data;

/// <summary>
/// The first steps of every change to one record — the permission, the record's existence (within its parent, if it
/// has one) and the version the form was loaded with — so that no handler writes them by hand.
/// </summary>
public static class RecordChange
{
    /// <summary>Returns the tracked record to change, or the failure to report (forbidden, not found, or stale).</summary>
    /// <param name="within">Narrows the lookup to the parent the address names (an action of this risk, an item of the draft).</param>
    public static async Task<(T? Entity, Result? Failure)> LoadForChange<T>(
        this OpenIsmsDbContext db, Guid id, int version, string permission, Expression<Func<T, bool>>? within = null, CancellationToken ct = default)
        where T : Entity
    {
        if (!db.CurrentUser.Has(permission))
        {
            return (null, Result.Forbidden());
        }

        var records = within is null ? db.Set<T>() : db.Set<T>().Where(within);
        var entity = await records.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return (null, Result.NotFound());
        }

        return db.CheckVersion(entity, version) is { } conflict ? (null, Result.Stale(conflict)) : (entity, null);
    }

    /// <summary>
    /// The create-or-edit preamble: with an id, the record as <see cref="LoadForChange{T}"/> gives it; without one, a new
    /// record from <paramref name="create"/>, not yet added (the handler adds it once its rules pass).
    /// </summary>
    public static async Task<(T? Entity, Result? Failure)> LoadOrCreate<T>(
        this OpenIsmsDbContext db, Guid? id, int version, string permission, Func<T> create, Expression<Func<T, bool>>? within = null, CancellationToken ct = default)
        where T : Entity
    {
        if (id is { } existing)
        {
            return await db.LoadForChange(existing, version, permission, within, ct);
        }

        return db.CurrentUser.Has(permission) ? (create(), null) : (null, Result.Forbidden());
    }
}
