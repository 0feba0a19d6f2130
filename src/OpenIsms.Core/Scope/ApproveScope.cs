using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Approves the draft: records who and when, freezes it, and supersedes the previous approved version.</summary>
public sealed class ApproveScope(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(int version, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ScopePermissions.Approve) || db.CurrentUser.UserId is not { } userId)
        {
            return Result.Forbidden();
        }

        var (draft, failure) = await ScopeDraft.Require(db, ct);
        if (draft is null)
        {
            return failure!;
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

        var previous = await db.Set<ScopeRevision>().Where(r => r.Status == ScopeStatus.Approved && r.Id != draft.Id).ToListAsync(ct);
        previous.ForEach(r => r.Supersede());
        return await db.SaveAsync(ct);
    }
}
