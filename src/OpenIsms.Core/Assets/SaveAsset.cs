using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Assets;

/// <summary>Adds or edits an asset. The identifier is unique; the owner must be an active user.</summary>
public sealed class SaveAsset(OpenIsmsDbContext db)
{
    public sealed record Command(Guid? Id, Asset.Details Details, int Version);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        Asset asset;
        if (c.Id is { } id)
        {
            var (found, failure) = await db.LoadForChange<Asset>(id, c.Version, AssetPermissions.Edit, ct);
            if (found is null)
            {
                return Result<Guid>.From(failure!);
            }

            asset = found;
        }
        else if (!db.CurrentUser.Has(AssetPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }
        else
        {
            asset = new Asset();
        }

        var d = c.Details;
        if (string.IsNullOrWhiteSpace(d.Reference) && c.Id is null)
        {
            d = d with { Reference = Asset.Prefix + "000" }; // numbered when saved, inside the log's lock
            asset.NumberAutomatically();
        }

        var errors = new List<FieldError>();
        // An automatic identifier is final only when saved (inside the log's lock); a typed one must be free now.
        if (!string.IsNullOrWhiteSpace(c.Details.Reference))
        {
            var reference = d.Reference.Trim();
            var clash = await db.Set<Asset>().Where(a => a.Reference == reference && a.Id != asset.Id).Select(a => a.Name).FirstOrDefaultAsync(ct);
            if (clash is not null)
            {
                errors.Add(new FieldError(nameof(Asset.Reference), $"{reference} is already used by the asset \"{clash}\"."));
            }
        }

        if (await Owners.Check(db, d.OwnerId, Security.OwnerDuties.Asset, nameof(Asset.OwnerId), "assets", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        var levels = await db.Set<ClassificationLevel>().OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(ct);
        var result = asset.Update(d, levels);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            db.Add(asset);
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? asset.Id : Result<Guid>.From(saved);
    }

}
