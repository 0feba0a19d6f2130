using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Organisations;

public sealed class GetOrganisation(OpenIsmsDbContext db)
{
    public Task<Organisation?> Handle(CancellationToken ct = default) =>
        db.Set<Organisation>().AsNoTracking().OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(ct);
}

/// <summary>Renames the organisation (administrators only).</summary>
public sealed class RenameOrganisation(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(string name, int version, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.OrganisationManage))
        {
            return Result.Forbidden();
        }

        var check = new Validation().Required("Name", name, "Enter the organisation's name.").MaxLength("Name", name, Limits.Name, "The name");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var organisation = await db.Set<Organisation>().OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return Result.NotFound();
        }

        if (db.CheckVersion(organisation, version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        organisation.Rename(name);
        return await db.SaveAsync(ct);
    }
}
