using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// Deletes a risk with its links, assessments, actions and sign-offs (each declares that it goes with the risk), each
/// recorded in the activity log.
/// </summary>
public sealed class DeleteRisk(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<Risk>(id, version, RiskPermissions.Edit, ct);
}
