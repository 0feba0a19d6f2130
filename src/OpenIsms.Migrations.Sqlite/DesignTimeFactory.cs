using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for this provider without starting the web host (eng/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OpenIsmsDbContext>
{
    public OpenIsmsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OpenIsmsDbContext>();
        options.UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new OpenIsmsDbContext(options.Options, SystemUser.Instance, new OpenIsms.Core.Common.Clock(TimeProvider.System, TimeZoneInfo.Utc), OpenIsms.Core.Data.Log.ActivityKeyRing.Ephemeral());
    }
}
