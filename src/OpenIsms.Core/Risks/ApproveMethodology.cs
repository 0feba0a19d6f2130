using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>
/// Approves the draft: records who and when, freezes it and supersedes the previous version. Risks assessed under
/// an older version then need re-assessment (see <see cref="RemapRisks"/>).
/// </summary>
public sealed class ApproveMethodology(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(int version, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Approve) || db.CurrentUser.UserId is not { } userId)
        {
            return Result.Forbidden();
        }

        var draft = await db.Set<RiskMethodology>().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Draft, ct);
        if (draft is null)
        {
            return Result.Fail("There is no draft to approve.");
        }

        if (db.CheckVersion(draft, version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = draft.Approve(userId, db.CurrentUser.DisplayName, db.Clock.UtcNow);
        if (!result.Succeeded)
        {
            return result;
        }

        var previous = await db.Set<RiskMethodology>().Where(m => m.Status == MethodologyStatus.Approved && m.Id != draft.Id).ToListAsync(ct);
        previous.ForEach(m => m.Supersede());
        return await db.SaveAsync(ct);
    }
}
