using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Deletes a risk with its links, assessments, actions and sign-offs, each recorded in the activity log.</summary>
public sealed class DeleteRisk(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (risk, failure) = await db.LoadForChange<Risk>(id, version, RiskPermissions.Edit, ct: ct);
        if (risk is null)
        {
            return failure!;
        }

        db.RemoveRange(await db.Set<RiskAcceptance>().Where(x => x.RiskId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<TreatmentAction>().Where(x => x.RiskId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<RiskAssessment>().Where(x => x.RiskId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<RiskAsset>().Where(x => x.RiskId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<RiskControl>().Where(x => x.RiskId == id).ToListAsync(ct));
        db.Remove(risk);
        return await db.SaveAsync(ct);
    }
}
