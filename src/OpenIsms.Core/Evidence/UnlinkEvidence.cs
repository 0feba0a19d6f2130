using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>Removes evidence's link to a control; the last link stays, so evidence always shows some control.</summary>
public sealed class UnlinkEvidence(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid evidenceId, Guid controlId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(EvidencePermissions.Add))
        {
            return Result.Forbidden();
        }

        var links = await db.Set<EvidenceControl>().Where(x => x.EvidenceId == evidenceId).ToListAsync(ct);
        var link = links.FirstOrDefault(x => x.ControlId == controlId);
        if (link is null)
        {
            return Result.NotFound();
        }

        if (!await ReviewEvidence.MayReview(db, evidenceId, ct))
        {
            return Result.Forbidden();
        }

        var collectedFor = await db.Set<Evidence>().Where(e => e.Id == evidenceId).Select(e => e.ControlId).FirstOrDefaultAsync(ct);
        if (links.Count == 1 || collectedFor == controlId)
        {
            return Result.Fail("This is the control the evidence was collected for; that link stays.");
        }

        db.Remove(link);
        return await db.SaveAsync(ct);
    }
}
