using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Assets;

/// <summary>Adds or edits an asset. The identifier is unique; the owner must be an active user.</summary>
public sealed class SaveAsset(OpenIsmsDbContext db)
{
    /// <summary>
    /// An asset as the form, the API and the importer give it: the page binds it (<c>Input.Name</c> …), the API takes it
    /// as its JSON body, <see cref="GetAsset.View.ToCommand"/> fills it for editing, and <see cref="Asset.Update"/> applies its rules.
    /// </summary>
    public sealed class Command
    {
        /// <summary>The asset to edit; none to add one (the API takes it from the address).</summary>
        public Guid? Id { get; set; }

        /// <summary>Blank for a new asset: the next number (AST-001 …) is given when it is saved.</summary>
        public string? Reference { get; set; }

        public string? Name { get; set; }

        public AssetType Type { get; set; }

        public string? Category { get; set; }

        public string? Description { get; set; }

        public string? OwnerId { get; set; }

        public string? Custodian { get; set; }

        public string? Location { get; set; }

        public string? Classification { get; set; }

        public int Confidentiality { get; set; } = 2;

        public int Integrity { get; set; } = 2;

        public int Availability { get; set; } = 2;

        public Criticality Criticality { get; set; } = Criticality.Medium;

        /// <summary>A new asset is in scope unless said otherwise (the form posts its box's state).</summary>
        public bool InScope { get; set; } = true;

        public int Version { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (asset, failure) = await db.LoadOrCreate(c.Id, c.Version, AssetPermissions.Edit, () => new Asset(), ct: ct);
        if (asset is null)
        {
            return Result<Guid>.From(failure!);
        }

        var reference = await db.ChooseReference(asset, c.Reference, c.Id is null, a => a.Name, "asset", ct);
        var errors = new List<FieldError>();
        if (reference.Clash is { } clash)
        {
            errors.Add(clash);
        }

        if (await Owners.Check(db, c.OwnerId, Security.OwnerDuties.Asset, nameof(Asset.OwnerId), "assets", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        var levels = await db.Set<ClassificationLevel>().OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(ct);
        var result = asset.Update(c, reference.Reference, levels);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            db.AddNew(asset, reference);
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? asset.Id : Result<Guid>.From(saved);
    }
}
