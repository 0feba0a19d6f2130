using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Opens or closes a risk (closed risks leave the register's default view and the heat map).</summary>
public sealed class CloseRisk(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, bool closed, int version, CancellationToken ct = default)
    {
        var (risk, failure) = await db.LoadForChange<Risk>(id, version, RiskPermissions.Edit, ct: ct);
        if (risk is null)
        {
            return failure!;
        }

        risk.Close(closed);
        if (closed)
        {
            await Acceptances.SupersedeAll(db, [risk.Id], ct);
        }

        return await db.SaveAsync(ct);
    }
}
