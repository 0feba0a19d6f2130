using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

public sealed class DeletePartyRequirement(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<PartyRequirement>(id, version, ContextPermissions.Edit, ct);
}
