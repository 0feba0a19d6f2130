using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Removes an item or an interface from the draft version (approved versions keep theirs).</summary>
public sealed class DeleteScopeEntry(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ScopePermissions.Edit))
        {
            return Result.Forbidden();
        }

        var (draft, failure) = await ScopeDraft.Require(db, ct);
        if (draft is null)
        {
            return failure!;
        }

        Entity? entry = await db.Set<ScopeItem>().FirstOrDefaultAsync(i => i.Id == id && i.RevisionId == draft.Id, ct);
        entry ??= await db.Set<ScopeInterface>().FirstOrDefaultAsync(i => i.Id == id && i.RevisionId == draft.Id, ct);
        if (entry is null)
        {
            return Result.NotFound();
        }

        if (db.CheckVersion(entry, version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        db.Remove(entry);
        return await db.SaveAsync(ct);
    }
}
