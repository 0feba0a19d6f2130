using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OpenIsms.Bench;

/// <summary>
/// The Stage 1 pack at 1,000 documents in force (100 with "small"), on a small organisation's registers, started through
/// the API and built by the server's background worker: first how long the idle worker takes to print every document's
/// PDF ahead of any pack, and the pack then; then, with nothing kept, a cold pack that prints every PDF itself; then the
/// same pack again. Each build reports its time, the ZIP's size and file count, and the server's resident memory
/// sampled every quarter second (Chromium's processes are not in it).
/// </summary>
public static class StagePackBench
{
    public static async Task Run(bool small)
    {
        var documents = small ? 100 : 1_000;
        var kept = Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder, ["StagePack__PollSeconds"] = "1",
            ["Logging__LogLevel__OpenIsms.Web.Features.Readiness"] = "Information",
        };
        try
        {
            Console.WriteLine($"OpenIsms Stage 1 pack benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite · small organisation, {documents:N0} documents in force");
            var generate = Stopwatch.StartNew();
            if (!File.Exists(Path.Combine(folder, "openisms.db")))
            {
                await Session.CreateAdmin(environment);
                await new Generator(environment).Run(Generator.Size.Small);
            }

            await new DocumentGenerator(environment).Run(new DocumentGenerator.Size(documents, 2, 40, 1, 5, 2_000));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data ready in {generate.Elapsed.TotalSeconds:F0} s"));
            var token = await Session.CreateToken(environment);
            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready: {ready.TotalSeconds:F2} s"));
                using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var db = Path.Combine(folder, "openisms.db");

                // 1. Idle, the worker prints ahead the PDFs of the documents (a hundred a round): how long until all are kept.
                var ahead = Stopwatch.StartNew();
                var printedAhead = 0L;
                while (ahead.Elapsed < TimeSpan.FromMinutes(10) && (printedAhead = Count(db)) < documents)
                {
                    await Task.Delay(500);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  printed ahead by the idle worker: {printedAhead:N0} PDFs kept {ahead.Elapsed.TotalSeconds:F1} s after start"));
                if (!await Build(http, app, "pack after printing ahead"))
                {
                    return;
                }

                // 2. Cold: nothing kept (the documents did not change, so the worker does not print ahead again).
                using (var connection = new SqliteConnection($"Data Source={db}"))
                {
                    connection.Open();
                    using var delete = connection.CreateCommand();
                    delete.CommandText = "DELETE FROM StagePackRendition";
                    delete.ExecuteNonQuery();
                }

                if (await Build(http, app, "cold pack, every PDF printed"))
                {
                    await Build(http, app, "the same pack again");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (kept is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static long Count(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM StagePackRendition";
        return (long)count.ExecuteScalar()!;
    }

    /// <summary>Starts a pack, polls it to the end while sampling the server's memory, downloads it; false when it failed.</summary>
    private static async Task<bool> Build(HttpClient http, AppProcess app, string label)
    {
        var (before, _) = app.Memory();
        var clock = Stopwatch.StartNew();
        var started = await http.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var highest = before;
        JsonElement pack;
        while (true)
        {
            pack = await http.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}");
            highest = Math.Max(highest, app.Memory().RssMiB);
            if (pack.GetProperty("state").GetString() is "Ready" or "Failed")
            {
                break;
            }

            await Task.Delay(250);
        }

        var built = clock.Elapsed;
        if (pack.GetProperty("state").GetString() != "Ready")
        {
            Console.WriteLine($"  {label}: failed: {pack.GetProperty("error")}");
            return false;
        }

        var download = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/v1/readiness/packs/{id}/file", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        long bytes = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var (after, peak) = app.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: {pack.GetProperty("fileCount").GetInt32():N0} files, {bytes / 1048576.0:F1} MiB, built in {built.TotalSeconds:F1} s, downloaded in {download.Elapsed.TotalSeconds:F1} s; "
            + $"server resident memory {before:F0} MiB before, {highest:F0} MiB highest while building, {after:F0} MiB after (process peak {peak:F0} MiB)"));
        return true;
    }
}
