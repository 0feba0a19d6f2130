using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Starts the next version as a draft, copied from the latest version (or the default when there is none).</summary>
public sealed class StartMethodologyVersion(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Approve))
        {
            return Result<int>.From(Result.Forbidden());
        }

        if (await db.Set<RiskMethodology>().AnyAsync(m => m.Status == MethodologyStatus.Draft, ct))
        {
            return Result<int>.From(Result.Fail("A draft version already exists; edit or approve it."));
        }

        var latest = await db.Set<RiskMethodology>().AsNoTracking().OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
        var draft = RiskMethodology.DraftAfter(latest);
        db.Add(draft);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? draft.Number : Result<int>.From(saved);
    }
}
