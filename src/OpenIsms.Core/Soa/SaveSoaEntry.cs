using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Soa;

/// <summary>Records the SoA decision for one Annex A control.</summary>
public sealed class SaveSoaEntry(OpenIsmsDbContext db)
{
    public sealed record Command(string Code, SoaEntry.Decision Decision, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ControlPermissions.Edit))
        {
            return Result.Forbidden();
        }

        var requirement = await db.SoaControls().AsNoTracking().FirstOrDefaultAsync(r => r.Code == c.Code, ct);
        if (requirement is null)
        {
            return Result.NotFound();
        }

        var entry = await db.Set<SoaEntry>().FirstOrDefaultAsync(e => e.RequirementId == requirement.Id, ct);
        if (entry is null)
        {
            entry = new SoaEntry { RequirementId = requirement.Id };
            db.Add(entry);
        }
        else if (db.CheckVersion(entry, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var treatsRisks = await db.Set<RiskControl>().AnyAsync(x => x.RequirementId == requirement.Id, ct);
        var result = entry.Decide(c.Decision, treatsRisks);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
