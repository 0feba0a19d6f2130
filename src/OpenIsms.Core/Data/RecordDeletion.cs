using OpenIsms.Core.Common;
namespace OpenIsms.Core.Data;

/// <summary>Deleting a single record is the same steps everywhere: permission, existence, version, remove.</summary>
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

        db.Remove(entity);
        return await db.SaveAsync(ct);
    }
}
