using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Data;

/// <summary>
/// backup while the app is writing, restore into a new place: the database is sound, the activity log verifies, every
/// record acknowledged before the backup began is there, the evidence files too; a backup that was altered is refused.
/// </summary>
public abstract class BackupTests(Provider provider)
{
    [Fact]
    public async Task ABackupUnderWriteLoad_RestoresSound_WithEveryAcknowledgedRecord()
    {
        var app = new AppFactory(provider);
        var restored = new TestDatabase(provider);
        var again = new TestDatabase(provider);
        var backup = Path.Combine(Path.GetTempPath(), "openisms-tests", "backup-" + Guid.NewGuid().ToString("N"));
        try
        {
            await app.InitializeAsync();
            using var browser = await app.SignedIn(Roles.IsmsManager);
            var control = await EvidenceTests.CreateControl(app, browser, "BACKUP-1");
            var evidence = await EvidenceTests.Upload(browser, control, "Restore test record", "restore.pdf", EvidenceTests.Pdf("restore test"));
            evidence.StatusCode.ShouldBe(HttpStatusCode.Redirect);

            // Writers keep creating risks through the API while the backup runs.
            var owner = await app.UserId(Roles.IsmsManager);
            var acknowledged = new ConcurrentQueue<(Guid Id, DateTime At)>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(async w =>
            {
                using var api = await app.ApiClient(Roles.IsmsManager);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var created = await api.PostAsJsonAsync("/api/v1/risks", new { title = $"Written during the backup {w}-{n}", ownerId = owner });
                    created.StatusCode.ShouldBe(HttpStatusCode.Created);
                    acknowledged.Enqueue((Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]), DateTime.UtcNow));
                }
            }).ToList();

            for (var waited = 0; acknowledged.Count < 20 && waited < 300; waited++)
            {
                await Task.Delay(100);
            }

            var started = DateTime.UtcNow;
            var made = await Run(app.Database, "backup", "--to", backup);
            made.Code.ShouldBe(0, made.Output);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            var before = acknowledged.Where(a => a.At < started).Select(a => a.Id).ToList();
            before.Count.ShouldBeGreaterThan(5, "writes were acknowledged before the backup began");
            acknowledged.Count.ShouldBeGreaterThan(before.Count, "and while it ran");

            var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"))).RootElement;
            manifest.GetProperty("activityHead").GetProperty("sequence").GetInt64().ShouldBeGreaterThan(0);
            var listed = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
            listed.ShouldContain("activity-keys.json");
            listed.Count(p => p.StartsWith("evidence/", StringComparison.Ordinal)).ShouldBe(1);

            // Restore into a new, empty place: the command verifies the restored log and exits 0 only if it is intact.
            restored.CreateEmpty();
            var back = await Run(restored, "restore", "--from", backup);
            back.Code.ShouldBe(0, back.Output);
            back.Output.ShouldContain("INTACT");
            var present = await Ids(restored);
            before.Where(id => !present.Contains(id)).ShouldBeEmpty("every record acknowledged before the backup began is in it");
            if (provider == Provider.Sqlite)
            {
                await using var sqlite = new SqliteConnection($"Data Source={restored.SqlitePath};Mode=ReadOnly;Pooling=False");
                await sqlite.OpenAsync();
                await using var check = sqlite.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                (await check.ExecuteScalarAsync()).ShouldBe("ok");
            }

            Directory.EnumerateFiles(restored.EvidenceFolder, "*", SearchOption.AllDirectories).Count().ShouldBe(1);
            (await Run(restored, "restore", "--from", backup)).Code.ShouldBe(1, "a target that holds an installation is refused");

            // A backup altered afterwards is refused, and nothing is restored.
            var file = Path.Combine(backup, listed.First(p => p.StartsWith("evidence/", StringComparison.Ordinal)));
            await File.AppendAllTextAsync(file, "tampered");
            again.CreateEmpty();
            var refused = await Run(again, "restore", "--from", backup);
            refused.Code.ShouldBe(1);
            refused.Output.ShouldContain("does not match its manifest");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            restored.Dispose();
            again.Dispose();
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
    }

    /// <summary>The app run as a command over a database, as an operator's script does.</summary>
    private static async Task<(int Code, string Output)> Run(TestDatabase database, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static async Task<HashSet<Guid>> Ids(TestDatabase database)
    {
        var ids = new HashSet<Guid>();
        if (database.Provider == Provider.Sqlite)
        {
            await using var sqlite = new SqliteConnection($"Data Source={database.SqlitePath};Mode=ReadOnly;Pooling=False");
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT Id FROM Risk";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(Guid.Parse(reader.GetString(0)));
            }
        }
        else
        {
            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT \"Id\" FROM \"Risk\"", pg);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        return ids;
    }
}

public sealed class BackupTestsOnSqlite() : BackupTests(Provider.Sqlite);

public sealed class BackupTestsOnPostgreSql() : BackupTests(Provider.PostgreSql);
