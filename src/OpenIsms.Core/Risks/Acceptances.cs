using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

internal static class Acceptances
{
    /// <summary>A new rating, a different treatment or closing the risk ends any sign-off of the old state.</summary>
    public static async Task SupersedeAll(OpenIsmsDbContext db, IReadOnlyCollection<Guid> riskIds, CancellationToken ct)
    {
        var open = await db.Set<RiskAcceptance>().Where(a => riskIds.Contains(a.RiskId) && a.Status != AcceptanceStatus.Superseded).ToListAsync(ct);
        open.ForEach(a => a.Supersede());
    }
}
