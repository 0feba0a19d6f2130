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

    /// <summary>
    /// The identifier a create-or-edit save gives its record: a blank one on a new record is numbered automatically when
    /// saved (inside the log's lock; until then a placeholder stands in), a typed one must be free now.
    /// </summary>
    /// <param name="label">What names the record in the clash message (a risk's title, an asset's name).</param>
    /// <param name="what">The kind of record, in the message: "the risk \"…\"".</param>
    public static async Task<ChosenReference> ChooseReference<T>(
        this OpenIsmsDbContext db, T record, string? typed, bool creating, Expression<Func<T, string>> label, string what, CancellationToken ct = default)
        where T : Entity, IAutoNumbered
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return new() { Reference = creating ? record.ReferencePrefix + "000" : "", Automatic = creating };
        }

        var trimmed = typed.Trim();
        var clash = await db.Set<T>().Where(x => EF.Property<string>(x, nameof(IAutoNumbered.Reference)) == trimmed && x.Id != record.Id)
            .Select(label).FirstOrDefaultAsync(ct);
        return new()
        {
            Reference = typed,
            Automatic = false,
            Clash = clash is null ? null : new FieldError(nameof(IAutoNumbered.Reference), $"{trimmed} is already used by the {what} \"{clash}\"."),
        };
    }

    /// <summary>Adds a new record; one whose identifier was left blank is numbered when saved.</summary>
    public static void AddNew<T>(this OpenIsmsDbContext db, T record, ChosenReference reference)
        where T : Entity, IAutoNumbered
    {
        if (reference.Automatic)
        {
            record.NumberAutomatically();
        }

        db.Add(record);
    }
}
