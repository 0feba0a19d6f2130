using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Assets;

/// <summary>
/// Deletes an asset. What points at it goes as each pointing record declared (<see cref="WhenTargetDeletedAttribute"/>):
/// its dependencies and its links to risks are deleted, each recorded in the activity log.
/// </summary>
public sealed class DeleteAsset(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<Asset>(id, version, AssetPermissions.Edit, ct);
}
