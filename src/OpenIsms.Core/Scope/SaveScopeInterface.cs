using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Adds or edits an interface or dependency of the draft version.</summary>
public sealed class SaveScopeInterface(OpenIsmsDbContext db)
{
    /// <summary>An interface as its form gives it; <see cref="From"/> fills it for editing.</summary>
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public InterfaceKind Kind { get; set; }

        public string? Name { get; set; }

        public string? Counterparty { get; set; }

        public string? Description { get; set; }

        public int Version { get; set; }

        public static Command From(ScopeInterface item) =>
            new() { Id = item.Id, Kind = item.Kind, Name = item.Name, Counterparty = item.Counterparty, Description = item.Description, Version = item.Version };
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
            var created = ScopeInterface.Create(draft.Id, c.Kind, c.Name ?? "", c.Counterparty, c.Description);
            if (!created.Succeeded)
            {
                return created;
            }

            db.Add(created.Value!);
            return await db.SaveAsync(ct);
        }

        var (item, missing) = await db.LoadForChange<ScopeInterface>(id, c.Version, ScopePermissions.Edit, i => i.RevisionId == draft.Id, ct);
        if (item is null)
        {
            return missing!;
        }

        var result = item.Update(c.Kind, c.Name ?? "", c.Counterparty, c.Description);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
