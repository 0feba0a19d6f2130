using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Adds or edits an in-scope or out-of-scope item of the draft version.</summary>
public sealed class SaveScopeItem(OpenIsmsDbContext db)
{
    /// <summary>An item as its form gives it; <see cref="From"/> fills it for editing.</summary>
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public ScopeItemKind Kind { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool InScope { get; set; }

        public string? Justification { get; set; }

        public int Version { get; set; }

        public static Command From(ScopeItem item) => new()
        {
            Id = item.Id, Kind = item.Kind, Name = item.Name, Description = item.Description, InScope = item.InScope, Justification = item.Justification, Version = item.Version,
        };
    }

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

        var (item, missing) = await db.LoadForChange<ScopeItem>(id, c.Version, ScopePermissions.Edit, i => i.RevisionId == draft.Id, ct);
        if (item is null)
        {
            return missing!;
        }

        var result = item.Update(c.Kind, c.Name ?? "", c.Description, c.InScope, c.Justification);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
