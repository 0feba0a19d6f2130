using System.Globalization;

namespace OpenIsms.Bench;

/// <summary>Issue 2's figures: cold start to ready (fresh and existing database), and the home page under load beside /health/live as the floor.</summary>
public static class Foundation
{
    public static async Task Run()
    {
        var folder = Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        try
        {
            Console.WriteLine($"OpenIsms foundation benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite");

            // 1. Cold start on an empty folder: creates the database, applies migrations, loads the catalogue.
            var (first, fresh) = await AppProcess.Start(environment);
            await first.DisposeAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready, new database:      {fresh.TotalSeconds:F2} s"));

            await Session.CreateAdmin(environment);

            // 2. Cold start on the existing database, three times; the median is reported.
            var starts = new List<TimeSpan>();
            AppProcess? app = null;
            for (var i = 0; i < 3; i++)
            {
                if (app is not null)
                {
                    await app.DisposeAsync();
                }

                (app, var ready) = await AppProcess.Start(environment);
                starts.Add(ready);
            }

            starts.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready, existing database: {starts[1].TotalSeconds:F2} s (median of 3: {string.Join(", ", starts.Select(s => s.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))})"));

            await using (app!)
            {
                var cookie = await Session.SignIn(app!.BaseUrl);

                // Warm-up, then measure: the floor (/health/live, no database) and the signed-in home page.
                await Load.Run(app.BaseUrl, "/", cookie, 2_000, 4);
                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 20_000, 4));
                foreach (var connections in new[] { 1, 4, 16 })
                {
                    Console.WriteLine(await Load.Run(app.BaseUrl, "/", cookie, 10_000, connections));
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/catalogue?theme=Technological", cookie, 5_000, 4));
                var (rss, peak) = app.Memory();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory: {rss:F0} MiB resident now, {peak:F0} MiB peak"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
