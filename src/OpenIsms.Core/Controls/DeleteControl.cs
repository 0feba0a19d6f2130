using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Controls;

/// <summary>Deletes a control and its links, each recorded in the activity log.</summary>
public sealed class DeleteControl(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (control, failure) = await db.LoadForChange<Control>(id, version, ControlPermissions.Edit, ct: ct);
        if (control is null)
        {
            return failure!;
        }

        // Everything the database would otherwise change by itself (cascades, links set to null) is loaded and changed
        // here, so that each change is in the activity log and no record differs from its last entry afterwards.
        db.RemoveRange(await db.Set<ControlRequirement>().Where(x => x.ControlId == id).ToListAsync(ct));
        var tasks = await db.Set<ControlTask>().Where(x => x.ControlId == id).ToListAsync(ct);
        var taskIds = tasks.Select(t => (Guid?)t.Id).ToList();
        db.RemoveRange(tasks);

        // The evidence itself stays (an auditor may still ask for it); only its links to this control and its runs go.
        db.RemoveRange(await db.Set<Evidence.EvidenceControl>().Where(x => x.ControlId == id).ToListAsync(ct));
        foreach (var evidence in await db.Set<Evidence.Evidence>().Where(e => e.ControlId == id || taskIds.Contains(e.ControlTaskId)).ToListAsync(ct))
        {
            evidence.Detach(id, taskIds);
        }

        db.Remove(control);
        return await db.SaveAsync(ct);
    }
}
