using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Controls;

/// <summary>
/// Deletes a control with its requirement links and its runs. Evidence stays (an auditor may still ask for it): its
/// links to the control go and its pointers to the control and its runs are cleared, as the evidence declares. Each
/// change is recorded in the activity log.
/// </summary>
public sealed class DeleteControl(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<Control>(id, version, ControlPermissions.Edit, ct);
}
