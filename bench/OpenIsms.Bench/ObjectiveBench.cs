using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Objectives;
using OpenIsms.Core.Users;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 13's measurement figures: 40 objectives, 200 metrics × 500 values each (a correction now and then), a metric's
/// trend page, an objective's page with its five metrics' charts, and the metrics list, beside the /health/live floor.
/// </summary>
public static class ObjectiveBench
{
    public static async Task Run(bool small)
    {
        var (metrics, values) = small ? (20, 50) : (200, 500);
        var folder = Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        try
        {
            Console.WriteLine($"OpenIsms objectives benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite · {metrics} metrics × {values} values");
            var generate = Stopwatch.StartNew();
            await Session.CreateAdmin(environment);
            var (objective, metric) = await Generate(environment, metrics, values);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data generated in {generate.Elapsed.TotalSeconds:F0} s"));
            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready on this database: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                string[] pages = [$"/metrics/{metric}", $"/metrics/{metric}?page=10", $"/objectives/{objective}", "/metrics", "/objectives", "/"];
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
                http.DefaultRequestHeaders.Add("Cookie", cookie);
                foreach (var page in pages)
                {
                    var response = await http.GetAsync(page);
                    Console.WriteLine($"  {page}: {(int)response.StatusCode}, {(await response.Content.ReadAsStringAsync()).Length / 1024} KiB");
                    await Load.Run(app.BaseUrl, page, cookie, 200, 4);
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
                foreach (var page in pages)
                {
                    Console.WriteLine(await Load.Run(app.BaseUrl, page, cookie, 1_000, 4));
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, $"/metrics/{metric}", cookie, 1_000, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(Guid Objective, Guid Metric)> Generate(IDictionary<string, string> settings, int metricCount, int valueCount)
    {
        var clock = Stopwatch.StartNew();
        await using var provider = Generator.Services(settings);
        var random = new Random(14);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var objectives = new List<Objective>();
        var metrics = new List<Metric>();
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            Generator.BenchUser.Instance.UserId = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
            for (var o = 0; o < metricCount / 5; o++)
            {
                var objective = new Objective();
                Generator.Check(objective.Update(new SaveObjective.Command { Title = $"Objective {o + 1:00}", Target = "On target", DueOn = today.AddYears(1), Status = ObjectiveStatus.InProgress }));
                db.Add(objective);
                objectives.Add(objective);
            }

            for (var m = 0; m < metricCount; m++)
            {
                var metric = new Metric();
                Generator.Check(metric.Update(new SaveMetric.Command
                {
                    Name = $"Metric {m + 1:000}", Direction = m % 2 == 0 ? Direction.HigherIsBetter : Direction.LowerIsBetter, Target = 50, Threshold = m % 2 == 0 ? 40 : 60,
                    Every = MeasureEvery.Week, ObjectiveId = objectives[m / 5].Id, Unit = "%",
                }, today.AddDays(-7 * valueCount)));
                db.Add(metric);
                metrics.Add(metric);
            }

            await db.SaveChangesAsync();
        }

        foreach (var metric in metrics)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            db.Attach(metric);
            Measurement? previous = null;
            for (var v = 0; v < valueCount; v++)
            {
                var day = today.AddDays(-7 * (valueCount - v));
                var value = Measurement.Take(metric, day, Math.Round((decimal)(30 + (random.NextDouble() * 40)), 1), null, "Bench", null);
                db.Add(value);
                if (v % 50 == 7 && previous is not null)
                {
                    db.Add(Measurement.Take(metric, day, previous.Value + 1, "Correction", "Bench", previous.Id));
                }

                previous = value;
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {objectives.Count} objectives, {metrics.Count} metrics, {metrics.Count * valueCount:N0} values in {clock.Elapsed.TotalSeconds:F0} s");
        return (objectives[0].Id, metrics[0].Id);
    }
}
