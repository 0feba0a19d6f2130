using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Assets;

public sealed class RemoveAssetDependency(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<AssetDependency>(id, version, AssetPermissions.Edit, ct);
}
