using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Adds or edits an in-scope or out-of-scope item of the draft version.</summary>
public sealed class SaveScopeItem(OpenIsmsDbContext db)
{
    public sealed record Command(Guid? Id, ScopeItemKind Kind, string Name, string? Description, bool InScope, string? Justification, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
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

        if (c.Id is not { } id)
        {
            var created = ScopeItem.Create(draft.Id, c.Kind, c.Name ?? "", c.Description, c.InScope, c.Justification);
            if (!created.Succeeded)
            {
                return created;
            }

            db.Add(created.Value!);
            return await db.SaveAsync(ct);
        }

        var item = await db.Set<ScopeItem>().FirstOrDefaultAsync(i => i.Id == id && i.RevisionId == draft.Id, ct);
        if (item is null)
        {
            return Result.NotFound();
        }

        if (db.CheckVersion(item, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = item.Update(c.Kind, c.Name ?? "", c.Description, c.InScope, c.Justification);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
