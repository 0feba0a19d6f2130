using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenIsms.Core.Activity;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// <c>backup --to FOLDER</c> and <c>restore --from FOLDER</c>, safe while the app is writing. A backup holds the
/// database (SQLite: a consistent copy made with VACUUM INTO; PostgreSQL: pg_dump, when installed), the evidence files,
/// the activity log's key file and checkpoints, and a manifest with every file's SHA-256 and the log's head. Restore
/// refuses a backup whose files do not match the manifest, and a target that already holds data.
/// </summary>
public static class Backup
{
    public const string ManifestName = "manifest.json";
    private const string Format = "openisms-backup/1";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public sealed record Head(long Sequence, string Hash);

    public sealed record FileEntry(string Path, string Sha256, long Size);

    public sealed record Manifest
    {
        public string Format { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public string Provider { get; init; } = "";

        public string Database { get; init; } = "";

        public Head? ActivityHead { get; init; }

        public IReadOnlyList<FileEntry> Files { get; init; } = [];
    }

    public static async Task<int> Create(IServiceProvider services, IConfiguration config, string[] args)
    {
        var to = Commands.Option(args, "to");
        if (string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync("Usage: backup --to <an empty or new folder>");
            return 2;
        }

        var target = Path.GetFullPath(to);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await Console.Error.WriteLineAsync($"{target} is not empty. Back up into a new folder, so that no backup is mixed with another.");
            return 1;
        }

        Directory.CreateDirectory(target);
        var activity = Composition.ActivityStorage(config);
        var evidence = Composition.EvidenceStorage(config);
        var clock = services.GetRequiredService<TimeProvider>();

        // The anchors first: every checkpoint copied is then at or behind the database copied after it.
        CopyIfExists(activity.CheckpointFile, Path.Combine(target, "activity-checkpoints.jsonl"));
        CopyIfExists(activity.KeyFile, Path.Combine(target, "activity-keys.json"));

        string database;
        Head? head;
        if (DatabaseSetup.Provider(config) == DatabaseSetup.PostgreSql)
        {
            database = "openisms.pgdump";
            head = await PostgresHead(DatabaseSetup.ConnectionString(config));
            if (await PgDump(config, Path.Combine(target, database)) is { } failure)
            {
                await Console.Error.WriteLineAsync(failure);
                return 1;
            }
        }
        else
        {
            database = "openisms.db";
            var copy = Path.Combine(target, database);
            await using (var connection = new SqliteConnection(DatabaseSetup.ConnectionString(config)))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $path";
                command.Parameters.AddWithValue("$path", copy);
                await command.ExecuteNonQueryAsync();
            }

            head = await SqliteHead(copy);
        }

        // The live log is anchored at or past the copy: restoring this backup over it later shows as the rollback it is.
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(Core.Common.SystemUser.Instance);
            if ((await scope.ServiceProvider.GetRequiredService<WriteActivityCheckpoint>().Handle()).Refusal is { } refusal)
            {
                await Console.Error.WriteLineAsync($"Warning: no checkpoint of the live log was written: {refusal}");
            }
        }

        // Evidence files never change once stored (their name is their hash); a file stored after the copy is an extra.
        if (Directory.Exists(evidence.Folder))
        {
            foreach (var file in Directory.EnumerateFiles(evidence.Folder, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetRelativePath(evidence.Folder, f).StartsWith("incoming", StringComparison.Ordinal)))
            {
                var relative = Path.Combine("evidence", Path.GetRelativePath(evidence.Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(file, Path.Combine(target, relative));
            }
        }

        var files = new List<FileEntry>();
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(new(Path.GetRelativePath(target, file).Replace('\\', '/'), await Sha256(file), new FileInfo(file).Length));
        }

        var manifest = new Manifest
        {
            Format = Format,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Provider = DatabaseSetup.Provider(config),
            Database = database,
            ActivityHead = head,
            Files = files,
        };
        await File.WriteAllTextAsync(Path.Combine(target, ManifestName), JsonSerializer.Serialize(manifest, Json));
        Console.WriteLine($"Backed up to {target}: {files.Count} files, activity log up to entry {head?.Sequence ?? 0} ({head?.Hash ?? "empty"}).");
        Console.WriteLine("The backup holds the activity log's key: keep it as safe as the server's data folder.");
        return 0;
    }

    /// <summary>Restores into the configured database and folders, which must not hold an installation yet.</summary>
    public static async Task<int> Restore(WebApplication app, string[] args)
    {
        var config = app.Configuration;
        var from = Commands.Option(args, "from");
        if (string.IsNullOrWhiteSpace(from) || !File.Exists(Path.Combine(from, ManifestName)))
        {
            await Console.Error.WriteLineAsync("Usage: restore --from <a folder made by backup, with its manifest.json>");
            return 2;
        }

        var source = Path.GetFullPath(from);
        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(Path.Combine(source, ManifestName)), Json);
        if (manifest is null || manifest.Format != Format)
        {
            await Console.Error.WriteLineAsync("The manifest is not one this version of OpenIsms wrote.");
            return 1;
        }

        // Every file as the manifest lists it, and nothing the manifest does not know.
        var problems = new List<string>();
        if (manifest.Database is not ("openisms.db" or "openisms.pgdump") || manifest.Files.All(f => f.Path != manifest.Database))
        {
            problems.Add($"the database file \"{manifest.Database}\" is not one a backup holds");
        }

        foreach (var entry in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(source, entry.Path));
            if (!SafeRelative(entry.Path) || !path.StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add($"{entry.Path}: not a plain path inside the backup");
            }
            else if (!File.Exists(path))
            {
                problems.Add($"{entry.Path}: missing");
            }
            else if (await Sha256(path) != entry.Sha256)
            {
                problems.Add($"{entry.Path}: its content differs from the manifest's SHA-256");
            }
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Replace('\\', '/'))
            .Where(f => f != ManifestName && !listed.Contains(f)).Select(f => $"{f}: not in the manifest"));
        if (manifest.Provider != DatabaseSetup.Provider(config))
        {
            problems.Add($"the backup is of a {manifest.Provider} database; this installation is configured for {DatabaseSetup.Provider(config)}");
        }

        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync("The backup does not match its manifest; nothing was restored:");
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync("  " + problem);
            }

            return 1;
        }

        var connection = DatabaseSetup.ConnectionString(config);
        if (await HoldsAnInstallation(config, connection))
        {
            await Console.Error.WriteLineAsync("The configured database already holds an installation; restore into a new data folder or an empty database.");
            return 1;
        }

        // The database first: if it fails, nothing of the backup's (above all its key) has replaced the target's files.
        if (manifest.Provider == DatabaseSetup.PostgreSql)
        {
            if (await PgRestore(config, Path.Combine(source, manifest.Database)) is { } failure)
            {
                await Console.Error.WriteLineAsync(failure);
                return 1;
            }
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            SqliteConnection.ClearAllPools();
            File.Delete(file + "-wal");
            File.Delete(file + "-shm");
            File.Copy(Path.Combine(source, manifest.Database), file, overwrite: true);
        }

        var activity = Composition.ActivityStorage(config);
        var evidence = Composition.EvidenceStorage(config);
        CopyIfExists(Path.Combine(source, "activity-keys.json"), activity.KeyFile, overwrite: true);
        CopyIfExists(Path.Combine(source, "activity-checkpoints.jsonl"), activity.CheckpointFile, overwrite: true);
        var evidenceRoot = Path.GetFullPath(evidence.Folder) + Path.DirectorySeparatorChar;
        foreach (var entry in manifest.Files.Where(f => f.Path.StartsWith("evidence/", StringComparison.Ordinal)))
        {
            var destination = Path.GetFullPath(Path.Combine(evidence.Folder, entry.Path["evidence/".Length..]));
            if (destination.StartsWith(evidenceRoot, StringComparison.Ordinal))
            {
                CopyIfExists(Path.Combine(source, entry.Path), destination, overwrite: true);
            }
        }

        // Now the restored installation starts as the app would (migrations for an older backup), and proves itself.
        await app.InitialiseDatabaseAsync();
        Console.WriteLine($"Restored {manifest.Files.Count} files from the backup of {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC (activity log up to entry {manifest.ActivityHead?.Sequence ?? 0}).");
        return await Commands.Run(app.Services, ["verify-activity"]);
    }

    private static async Task<bool> HoldsAnInstallation(IConfiguration config, string connection)
    {
        try
        {
            if (DatabaseSetup.Provider(config) == DatabaseSetup.PostgreSql)
            {
                await using var pg = new NpgsqlConnection(connection);
                await pg.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT to_regclass('public.\"AspNetUsers\"') IS NOT NULL AND EXISTS (SELECT 1 FROM \"AspNetUsers\")", pg);
                return await command.ExecuteScalarAsync() is true;
            }

            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            if (!File.Exists(file) || new FileInfo(file).Length == 0)
            {
                return false;
            }

            await using var sqlite = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await sqlite.OpenAsync();
            await using var count = sqlite.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'AspNetUsers'";
            if ((long)(await count.ExecuteScalarAsync())! == 0)
            {
                return false;
            }

            count.CommandText = "SELECT EXISTS (SELECT 1 FROM AspNetUsers)";
            return (long)(await count.ExecuteScalarAsync())! == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == "42P01")
        {
            return false;
        }
    }

    private static async Task<Head?> SqliteHead(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sequence, Hash FROM ActivityLog ORDER BY Sequence DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Head(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static async Task<Head?> PostgresHead(string connection)
    {
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Sequence\", \"Hash\" FROM \"ActivityLog\" ORDER BY \"Sequence\" DESC LIMIT 1", pg);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Head(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static Task<string?> PgDump(IConfiguration config, string file) =>
        PgTool(config, "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file]);

    private static Task<string?> PgRestore(IConfiguration config, string file) =>
        PgTool(config, "pg_restore", ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--exit-on-error", file], database: true);

    /// <summary>
    /// Runs pg_dump or pg_restore with the connection given through libpq's environment (the password never on a command
    /// line): from Backup:PgBin, the PATH, or the Debian server package's folder.
    /// </summary>
    private static async Task<string?> PgTool(IConfiguration config, string tool, string[] arguments, bool database = false)
    {
        var executable = FindTool(config, tool);
        if (executable is null)
        {
            return $"{tool} was not found. Install PostgreSQL's client tools (Debian: postgresql-client), or set Backup:PgBin to their folder.";
        }

        var connection = new NpgsqlConnectionStringBuilder(DatabaseSetup.ConnectionString(config));
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (database)
        {
            start.ArgumentList.Insert(0, "--dbname=" + connection.Database);
        }
        else
        {
            start.ArgumentList.Add(connection.Database!);
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : $"{tool} failed ({process.ExitCode}): {(await error).Trim()}";
    }

    private static string? FindTool(IConfiguration config, string tool)
    {
        IEnumerable<string> folders = [config["Backup:PgBin"] ?? "", .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)];
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            folders = folders.Concat(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        }

        return folders.Where(f => f.Length > 0).Select(f => Path.Combine(f, tool)).FirstOrDefault(File.Exists);
    }

    /// <summary>A manifest path: relative, forward slashes, no "." or ".." segments, plain characters only.</summary>
    private static bool SafeRelative(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(s => s.Length > 0 && s is not ("." or "..") && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'));

    private static void CopyIfExists(string from, string to, bool overwrite = false)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
            File.Copy(from, to, overwrite);
        }
    }

    private static async Task<string> Sha256(string file)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }
}
