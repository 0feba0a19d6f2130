using Npgsql;

namespace OpenIsms.IntegrationTests.Infrastructure;

public enum Provider
{
    Sqlite,
    PostgreSql,
}

/// <summary>A fresh, real database for one test fixture: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? folder;
    private readonly string? postgresName;

    public TestDatabase(Provider provider)
    {
        Provider = provider;
        // Both providers get a folder of their own: the SQLite file, and the evidence files in either case.
        folder = Path.Combine(Path.GetTempPath(), "openisms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == Provider.Sqlite)
        {
            Settings = new() { ["Database:Provider"] = "Sqlite", ["Data:Folder"] = folder };
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("OPENISMS_TEST_POSTGRES")
                ?? throw new InvalidOperationException(
                    "OPENISMS_TEST_POSTGRES is not set. Run the tests with ./test.sh, which starts a PostgreSQL server for them.");
            postgresName = "openisms_t_" + Guid.NewGuid().ToString("N")[..16];
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresName, Pooling = true }.ConnectionString;
            AdminConnectionString = server;
            Settings = new() { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:OpenIsms"] = ConnectionString, ["Data:Folder"] = folder };
        }
    }

    public Provider Provider { get; }

    public Dictionary<string, string?> Settings { get; }

    public string? ConnectionString { get; }

    private string? AdminConnectionString { get; }

    public string SqlitePath => Path.Combine(folder!, "openisms.db");

    public string EvidenceFolder => Path.Combine(folder!, "evidence");

    public void Dispose()
    {
        if (folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing host is left for the OS's temp clean-up.
            }
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
