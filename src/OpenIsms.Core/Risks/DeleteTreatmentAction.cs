using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

public sealed class DeleteTreatmentAction(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<TreatmentAction>(id, version, RiskPermissions.Edit, ct);
}
