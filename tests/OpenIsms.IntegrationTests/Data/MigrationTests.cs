using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.IntegrationTests.Data;

/// <summary>A model change without its migration, for either provider, fails the build here.</summary>
public sealed class MigrationTests
{
    private static OpenIsmsDbContext Context(Action<DbContextOptionsBuilder<OpenIsmsDbContext>> provider)
    {
        var options = new DbContextOptionsBuilder<OpenIsmsDbContext>();
        provider(options);
        return new OpenIsmsDbContext(options.Options, SystemUser.Instance, new OpenIsms.Core.Common.Clock(TimeProvider.System, TimeZoneInfo.Utc), OpenIsms.Core.Data.Log.ActivityKeyRing.Ephemeral());
    }

    /// <summary>The context exactly as the app configures it (provider and migrations assembly) from its settings.</summary>
    private static OpenIsmsDbContext AsTheAppConfiguresIt(string provider, string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, ["ConnectionStrings:OpenIsms"] = connectionString,
        }).Build();
        return Context(o => DatabaseSetup.Configure(o, config));
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

    [Theory]
    [InlineData(DatabaseSetup.Sqlite, "Data Source=:memory:", "OpenIsms.Migrations.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData(DatabaseSetup.PostgreSql, "Host=unused;Database=unused", "OpenIsms.Migrations.PostgreSql", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public void AsTheAppConfiguresEachProvider_TheMigrationsMatchTheModel(string provider, string connectionString, string migrationsAssembly, string providerName)
    {
        using var db = AsTheAppConfiguresIt(provider, connectionString);
        db.Database.ProviderName.ShouldBe(providerName);
        db.GetService<IMigrationsAssembly>().Assembly.GetName().Name.ShouldBe(migrationsAssembly);
        db.GetService<IMigrationsAssembly>().ModelSnapshot.ShouldNotBeNull($"{migrationsAssembly} has a model snapshot");
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"the model has changed without a migration in {migrationsAssembly}: run eng/add-migration.sh");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = Context(o => o.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly("OpenIsms.Migrations.Sqlite")));
        using var postgres = Context(o => o.UseNpgsql("Host=unused;Database=unused", x => x.MigrationsAssembly("OpenIsms.Migrations.PostgreSql")));
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Names(sqlite).ShouldBe(Names(postgres));
    }

    [Fact]
    public void ForeignKeys_AllRestrict_SoTheDatabaseNeverDeletesOrClearsBehindTheLog()
    {
        using var db = Context(o => o.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly("OpenIsms.Migrations.Sqlite")));

        // Identity's own tables (user roles, claims, logins) keep its cascades; they are not business records.
        var ours = db.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) || t.ClrType.Namespace?.StartsWith("OpenIsms", StringComparison.Ordinal) == true);
        ours.SelectMany(t => t.GetForeignKeys()).Where(fk => fk.DeleteBehavior != DeleteBehavior.Restrict)
            .Select(fk => $"{fk.DeclaringEntityType.ClrType.Name}.{string.Join(",", fk.Properties.Select(p => p.Name))}: {fk.DeleteBehavior}")
            .ShouldBeEmpty("a deletion the database carries out by itself would not be in the activity log: delete or detach the dependents in the use case");
    }
}
