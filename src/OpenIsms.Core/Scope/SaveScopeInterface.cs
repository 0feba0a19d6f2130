using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Adds or edits an interface or dependency of the draft version.</summary>
public sealed class SaveScopeInterface(OpenIsmsDbContext db)
{
    public sealed record Command(Guid? Id, InterfaceKind Kind, string Name, string? Counterparty, string? Description, int Version);

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
            var created = ScopeInterface.Create(draft.Id, c.Kind, c.Name ?? "", c.Counterparty, c.Description);
            if (!created.Succeeded)
            {
                return created;
            }

            db.Add(created.Value!);
            return await db.SaveAsync(ct);
        }

        var item = await db.Set<ScopeInterface>().FirstOrDefaultAsync(i => i.Id == id && i.RevisionId == draft.Id, ct);
        if (item is null)
        {
            return Result.NotFound();
        }

        if (db.CheckVersion(item, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = item.Update(c.Kind, c.Name ?? "", c.Counterparty, c.Description);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
