using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Setup;

/// <summary>At start-up: apply migrations, baseline a log from before keying, make sure the roles exist, and upsert the shipped catalogues.</summary>
public sealed class InitialiseDatabase(OpenIsmsDbContext db, RoleManager<IdentityRole> roles, LoadCatalogue catalogue, Activity.ReconcileRecords reconcile)
{
    public async Task Handle(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);

        // Before anything else writes: a log from before keying gets its records' states as a keyed baseline (and a
        // keyed log without its key file stops here), and types whose recorded fields changed are baselined once.
        await reconcile.BaselineIfNeeded(ct);
        await reconcile.RebaselineChangedShapes(ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        foreach (var file in CatalogueFile.Embedded())
        {
            await catalogue.Handle(file, ct);
        }

        await ChooseSoaFramework.EnsureChosen(db, ct);
        foreach (var mappings in MappingFile.Embedded())
        {
            await catalogue.Handle(mappings, ct);
        }
    }
}
