using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Starts the next version of an approved scope as a draft copy; the approved one stays readable.</summary>
public sealed class StartScopeRevision(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ScopePermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var latest = await ScopeDraft.Latest(db, ct);
        if (latest is null || latest.IsDraft)
        {
            return latest?.Number ?? 0;
        }

        var next = latest.StartNext();
        db.Add(next);
        var items = await db.Set<ScopeItem>().AsNoTracking().Where(i => i.RevisionId == latest.Id).ToListAsync(ct);
        var interfaces = await db.Set<ScopeInterface>().AsNoTracking().Where(i => i.RevisionId == latest.Id).ToListAsync(ct);
        db.AddRange(items.Select(i => i.CopyTo(next.Id)));
        db.AddRange(interfaces.Select(i => i.CopyTo(next.Id)));
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? next.Number : Result<int>.From(saved);
    }
}
