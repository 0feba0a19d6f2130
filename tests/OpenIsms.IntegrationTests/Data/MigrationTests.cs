using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.IntegrationTests.Data;

/// <summary>A model change without its migration, for either provider, fails the build here.</summary>
public sealed class MigrationTests
{
    private static OpenIsmsDbContext Context(Action<DbContextOptionsBuilder<OpenIsmsDbContext>> provider)
    {
        var options = new DbContextOptionsBuilder<OpenIsmsDbContext>();
        provider(options);
        return new OpenIsmsDbContext(options.Options, SystemUser.Instance, TimeProvider.System);
    }

    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = Context(o => o.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly("OpenIsms.Migrations.Sqlite")));
        db.Database.HasPendingModelChanges().ShouldBeFalse("run eng/add-migration.sh: the SQLite migrations lag behind the model");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void PostgreSql_HasNoPendingModelChanges()
    {
        using var db = Context(o => o.UseNpgsql("Host=unused;Database=unused", x => x.MigrationsAssembly("OpenIsms.Migrations.PostgreSql")));
        db.Database.HasPendingModelChanges().ShouldBeFalse("run eng/add-migration.sh: the PostgreSQL migrations lag behind the model");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = Context(o => o.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly("OpenIsms.Migrations.Sqlite")));
        using var postgres = Context(o => o.UseNpgsql("Host=unused;Database=unused", x => x.MigrationsAssembly("OpenIsms.Migrations.PostgreSql")));
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Names(sqlite).ShouldBe(Names(postgres));
    }
}
