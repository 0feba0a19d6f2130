using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 9's parallel writers: eight API clients create risks and assets as fast as they can for a minute (or the given
/// seconds); every answer is counted by status, and the identifiers given are checked to be distinct. On SQLite, or on
/// PostgreSQL in a new database on the server that <c>OPENISMS_BENCH_POSTGRES</c> names (dropped afterwards).
/// </summary>
public static class WriterBench
{
    public static async Task Run(int seconds, bool postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        string? server = null, database = null;
        if (postgres)
        {
            server = Environment.GetEnvironmentVariable("OPENISMS_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set OPENISMS_BENCH_POSTGRES to a PostgreSQL server's connection string (a role that may create databases).");
            database = "openisms_bench_" + Guid.NewGuid().ToString("N")[..12];
            environment["Database__Provider"] = "PostgreSql";
            environment["ConnectionStrings__OpenIsms"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }

        DbConnection Open() => postgres
            ? new NpgsqlConnection(environment["ConnectionStrings__OpenIsms"])
            : new SqliteConnection($"Data Source={Path.Combine(folder, "openisms.db")};Mode=ReadOnly");
        try
        {
            Console.WriteLine($"OpenIsms parallel writers · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {(postgres ? "PostgreSQL" : "SQLite")} · 8 writers · {seconds} s");
            await Session.CreateAdmin(environment);
            var token = await Session.CreateToken(environment);
            await using var app = (await AppProcess.Start(environment)).App;
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var me = await http.GetAsync("/api/v1/risks?pageSize=25");
            me.EnsureSuccessStatusCode();
            var owner = await OwnerId(Open);

            var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var until = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var n = 0; until.Elapsed < TimeSpan.FromSeconds(seconds); n++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = n % 2 == 0
                        ? await http.PostAsJsonAsync("/api/v1/risks", new { title = $"Parallel risk {worker}-{n}", ownerId = owner })
                        : await http.PostAsJsonAsync("/api/v1/assets", new { name = $"Parallel asset {worker}-{n}", type = "Hardware", ownerId = owner });
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                }
            })));

            var total = statuses.Values.Sum();
            var sorted = latencies.Order().ToList();
            double P(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"requests: {total} in {seconds} s ({total / (double)seconds:F0}/s) · p50 {P(.5):F1} ms · p95 {P(.95):F1} ms · p99 {P(.99):F1} ms"));
            Console.WriteLine("by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
            Console.WriteLine($"server errors (5xx): {statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}");
            var (references, distinct) = await References(Open);
            Console.WriteLine($"identifiers given: {references}, distinct: {distinct}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<string> OwnerId(Func<DbConnection> open)
    {
        await using var connection = open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"AspNetUsers\" LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long All, long Distinct)> References(Func<DbConnection> open)
    {
        await using var connection = open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT \"Reference\") FROM (SELECT \"Reference\" FROM \"Risk\" UNION ALL SELECT \"Reference\" FROM \"Asset\") AS r";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
