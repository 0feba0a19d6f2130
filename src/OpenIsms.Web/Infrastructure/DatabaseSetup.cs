using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Web.Infrastructure;

/// <summary>Chooses the provider from configuration: SQLite in ./data by default, PostgreSQL when asked for.</summary>
public static class DatabaseSetup
{
    public const string PostgreSql = "PostgreSql";
    public const string Sqlite = "Sqlite";

    public static string Provider(IConfiguration config) =>
        string.Equals(config["Database:Provider"], PostgreSql, StringComparison.OrdinalIgnoreCase) ? PostgreSql : Sqlite;

    public static string ConnectionString(IConfiguration config)
    {
        var configured = config.GetConnectionString("OpenIsms");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (Provider(config) == PostgreSql)
        {
            throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:OpenIsms is not set.");
        }

        var folder = Path.GetFullPath(config["Data:Folder"] ?? "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "openisms.db")};Foreign Keys=True;Default Timeout=30";
    }

    public static void Configure(DbContextOptionsBuilder options, IConfiguration config)
    {
        var connection = ConnectionString(config);
        if (Provider(config) == PostgreSql)
        {
            options.UseNpgsql(connection, o => o.MigrationsAssembly("OpenIsms.Migrations.PostgreSql"));
        }
        else
        {
            options.UseSqlite(connection, o => o.MigrationsAssembly("OpenIsms.Migrations.Sqlite"));
        }
    }

    /// <summary>WAL lets readers carry on while one writer writes; the setting is kept in the database file.</summary>
    public static async Task EnableWriteAheadLog(OpenIsmsDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
