using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

/// <summary>Deletes a party with its requirements (they declare that they go with it); each deletion is logged.</summary>
public sealed class DeleteInterestedParty(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<InterestedParty>(id, version, ContextPermissions.Edit, ct);
}
