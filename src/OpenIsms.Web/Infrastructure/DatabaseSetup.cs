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
    public static Task EnableWriteAheadLog(OpenIsmsDbContext db) => Pragma(db, "PRAGMA journal_mode=WAL;");

    /// <summary>
    /// Gathers the statistics SQLite's query planner needs to pick the selective index (say, a risk owner's rather than a
    /// treatment's). Bounded by analysis_limit, it takes milliseconds even on a large database. PostgreSQL's autovacuum
    /// does the same on its own.
    /// </summary>
    public static Task Analyse(OpenIsmsDbContext db) => Pragma(db, "PRAGMA analysis_limit=1000; ANALYZE;");

    /// <summary>SQLite's recommended periodic upkeep: re-analyses the tables whose size changed a lot since the last time.</summary>
    public static Task Optimise(OpenIsmsDbContext db) => Pragma(db, "PRAGMA analysis_limit=1000; PRAGMA optimize;");

    private static async Task Pragma(OpenIsmsDbContext db, string sql)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>Runs SQLite's periodic upkeep every hour (nothing for PostgreSQL).</summary>
public sealed class SqliteUpkeep(IServiceScopeFactory scopes, ILogger<SqliteUpkeep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await DatabaseSetup.Optimise(scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "SQLite upkeep (PRAGMA optimize) failed; it is tried again in an hour.");
            }
        }
    }
}
