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

    public string Folder => folder!;

    public string KeyFile => Path.Combine(folder!, "activity-keys.json");

    public string CheckpointFile => Path.Combine(folder!, "activity-checkpoints.jsonl");

    /// <summary>Keeps a copy of the database as it is now (SQLite's VACUUM INTO; a PostgreSQL template copy).</summary>
    public void Snapshot()
    {
        if (Provider == Provider.Sqlite)
        {
            File.Delete(SnapshotPath);
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={SqlitePath}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"VACUUM INTO '{SnapshotPath}'";
            command.ExecuteNonQuery();
            return;
        }

        Admin($"DROP DATABASE IF EXISTS {postgresName}_snap", $"CREATE DATABASE {postgresName}_snap TEMPLATE {postgresName}");
    }

    /// <summary>Puts the copy kept by <see cref="Snapshot"/> back in place of the database, as an operator restoring an old backup would.</summary>
    public void RestoreSnapshot()
    {
        if (Provider == Provider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(SqlitePath + "-wal");
            File.Delete(SqlitePath + "-shm");
            File.Copy(SnapshotPath, SqlitePath, overwrite: true);
            return;
        }

        Admin($"DROP DATABASE {postgresName} WITH (FORCE)", $"CREATE DATABASE {postgresName} TEMPLATE {postgresName}_snap", $"DROP DATABASE {postgresName}_snap");
    }

    private string SnapshotPath => Path.Combine(folder!, "snapshot.db");

    /// <summary>
    /// Makes this (not yet created) database a copy of <paramref name="template"/>, whose host has stopped: the data,
    /// the activity log's key file and its checkpoints — what a fresh, seeded installation holds — so that a fixture
    /// starts from there instead of migrating, loading the catalogues and seeding again.
    /// </summary>
    public void CopyFrom(TestDatabase template)
    {
        foreach (var file in new[] { "activity-keys.json", "activity-checkpoints.jsonl" })
        {
            var source = Path.Combine(template.Folder, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(Folder, file), overwrite: true);
            }
        }

        if (Provider == Provider.Sqlite)
        {
            File.Copy(template.SqlitePath, SqlitePath, overwrite: true);
            return;
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {postgresName} TEMPLATE {template.postgresName}", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Puts this database, whose host keeps running, back to <paramref name="template"/>'s state: every file of the data
    /// folder (evidence, the activity log's key file and checkpoints, SQLite's database) is replaced by the template's,
    /// and a PostgreSQL database is dropped, ending the host's sessions, and created again from the template. The host's
    /// pooled connections are cleared first; its next request opens new ones on the copy.
    /// </summary>
    public void ResetTo(TestDatabase template)
    {
        if (Provider == Provider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        else
        {
            Admin($"DROP DATABASE {postgresName} WITH (FORCE)", $"CREATE DATABASE {postgresName} TEMPLATE {template.postgresName}");
        }

        foreach (var entry in new DirectoryInfo(Folder).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        foreach (var file in new DirectoryInfo(template.Folder).EnumerateFiles())
        {
            file.CopyTo(Path.Combine(Folder, file.Name));
        }
    }

    /// <summary>After the template's host has stopped: no open connection, and SQLite's write-ahead log folded into the file.</summary>
    public void Quiesce()
    {
        if (Provider == Provider.Sqlite)
        {
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={SqlitePath}"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                command.ExecuteNonQuery();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        Admin("SELECT 1"); // ends any session the pool clearing left, as a template copy needs
    }

    /// <summary>Creates the (empty) PostgreSQL database, for a restore that fills it; SQLite needs nothing.</summary>
    public void CreateEmpty()
    {
        if (Provider == Provider.PostgreSql)
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {postgresName}", connection);
            command.ExecuteNonQuery();
        }
    }

    private void Admin(params string[] statements)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        foreach (var sql in statements)
        {
            // A template copy needs the source without sessions: end any of our own that the pool clearing left. An
            // autovacuum worker is the server's, which this role may not end; PostgreSQL stops it itself for a DROP or
            // a template copy.
            using (var end = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{postgresName}' AND pid <> pg_backend_pid() AND usename = current_user AND backend_type = 'client backend'", connection))
            {
                end.ExecuteNonQuery();
            }

            // An autovacuum worker may be in the database for a moment; if the server would not let us end it, try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var command = new NpgsqlCommand(sql, connection);
                    command.ExecuteNonQuery();
                    break;
                }
                catch (PostgresException ex) when (attempt < 10 && ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
                {
                    Thread.Sleep(200);
                }
            }
        }
    }

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
            foreach (var name in new[] { postgresName, postgresName + "_snap" })
            {
                Drop(name);
            }
        }
    }

    /// <summary>
    /// Drops a test database. Under load a terminated session can take longer to end than PostgreSQL waits for it
    /// (the drop then fails "being accessed by other users"), so the drop is tried again; a database that still will
    /// not go is left on the throw-away test server rather than failing a run whose tests passed.
    /// </summary>
    private void Drop(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(AdminConnectionString);
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                command.ExecuteNonQuery();
                return;
            }
            catch (NpgsqlException ex) when (attempt < 6)
            {
                Console.Error.WriteLine($"Dropping test database {name} failed ({ex.Message}); trying again.");
                Thread.Sleep(TimeSpan.FromSeconds(attempt));
            }
            catch (NpgsqlException ex)
            {
                Console.Error.WriteLine($"Test database {name} was left on the test server: {ex.Message}");
                return;
            }
        }
    }
}
