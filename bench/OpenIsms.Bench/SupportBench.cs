using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Awareness;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Users;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 13's awareness and communication figures: 1,000 people in eight departments, 10 trainings assigned (annual
/// awareness to everyone, the others to departments), 20,000 completions over three years, and a communication plan of
/// 300 lines with 3,000 records. The awareness dashboard (unfiltered and by department), a training's page, the
/// communication plan (unfiltered, overdue, a later page), a line of it, and the leadership acts, beside the /health/live floor.
/// </summary>
public static class SupportBench
{
    public static async Task Run(bool small)
    {
        var (people, trainings, completions, lines, records) = small ? (60, 3, 400, 20, 100) : (1_000, 10, 20_000, 300, 3_000);
        var kept = Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        try
        {
            Console.WriteLine($"OpenIsms awareness and communication benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite · "
                + $"{people} people, {trainings} trainings, {completions} completions, {lines} communications × {records / Math.Max(lines, 1)} records");
            var generate = Stopwatch.StartNew();
            await Session.CreateAdmin(environment);
            var (training, item) = await Generate(environment, people, trainings, completions, lines, records);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data generated in {generate.Elapsed.TotalSeconds:F0} s"));
            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready on this database: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                string[] pages =
                [
                    "/training",
                    $"/training?department={Uri.EscapeDataString(DocumentGenerator.Departments[2])}",
                    $"/training/{training}",
                    "/communications",
                    "/communications?due=Overdue",
                    "/communications?page=8",
                    $"/communications/{item}",
                    "/leadership",
                    "/",
                ];
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
                http.DefaultRequestHeaders.Add("Cookie", cookie);
                foreach (var page in pages)
                {
                    var response = await http.GetAsync(page);
                    var html = await response.Content.ReadAsStringAsync();
                    var shown = Regex.Match(html, @"Showing [\d,]+–[\d,]+ of [\d,]+").Value;
                    Console.WriteLine($"  {page}: {(int)response.StatusCode}, {html.Length / 1024} KiB {shown}");
                    await Load.Run(app.BaseUrl, page, cookie, 200, 4); // warm-up
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
                foreach (var page in pages)
                {
                    Console.WriteLine(await Load.Run(app.BaseUrl, page, cookie, 1_000, 4));
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/training", cookie, 500, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/communications", cookie, 500, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
                var (rss, peak) = app.Memory();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory: {rss:F0} MiB resident now, {peak:F0} MiB peak"));
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

    private static async Task<(Guid Training, Guid Item)> Generate(IDictionary<string, string> settings, int peopleCount, int trainingCount, int completions, int lines, int records)
    {
        await using var provider = Generator.Services(settings);
        var random = new Random(73);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
        var userId = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
        Generator.BenchUser.Instance.UserId = userId;

        var people = new List<Person>();
        for (var i = 0; i < peopleCount; i++)
        {
            var person = new Person();
            Generator.Check(person.Update(new SavePerson.Command
            {
                Name = $"{Names.First[i % Names.First.Length]} {Names.Last[(i / Names.First.Length) % Names.Last.Length]} {i + 1:0000}",
                Email = $"staff{i + 1:0000}@bench.example", Department = DocumentGenerator.Departments[i % DocumentGenerator.Departments.Length],
                StartDate = today.AddDays(-random.Next(30, 3000)),
            }));
            db.Add(person);
            people.Add(person);
        }

        var trainings = new List<Training>();
        for (var t = 0; t < trainingCount; t++)
        {
            var training = new Training();
            Generator.Check(training.Update(new SaveTraining.Command
            {
                Title = t == 0 ? "Annual security awareness" : $"Briefing {t:00}", Kind = t == 0 ? TrainingKind.Course : TrainingKind.Briefing, ValidityMonths = 12,
            }));
            training.NumberAutomatically();
            db.Add(training);
            trainings.Add(training);
            var everyone = t == 0;
            db.Add(TrainingAssignment.Make(training.Id, new AssignTraining.Command
            {
                TrainingId = training.Id, Audience = everyone ? AudienceKind.Everyone : AudienceKind.Department, FirstDueDate = today.AddDays(30), OnboardingDays = 30,
            }, everyone ? null : DocumentGenerator.Departments[t % DocumentGenerator.Departments.Length], today.AddYears(-3), userId));
        }

        await db.SaveChangesAsync();
        for (var c = 0; c < completions; c++)
        {
            var person = people[random.Next(people.Count)];
            var training = trainings[c % 3 == 0 ? random.Next(trainings.Count) : 0];
            db.Add(TrainingCompletion.Record(training.Id, person.Id, person.Name, today.AddDays(-random.Next(0, 1100)), CompletionMethod.SelfAttested, "Bench"));
            if (c % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
            }
        }

        await db.SaveChangesAsync();
        var frequencies = Enum.GetValues<CommunicationFrequency>();
        var items = new List<CommunicationItem>();
        for (var l = 0; l < lines; l++)
        {
            var item = new CommunicationItem();
            var frequency = frequencies[l % frequencies.Length];
            Generator.Check(item.Update(new SaveCommunication.Command
            {
                Subject = $"Communication {l + 1:000}", Audience = l % 3 == 0 ? "Customers" : "All staff", Reach = l % 3 == 0 ? CommunicationReach.External : CommunicationReach.Internal,
                Channel = "E-mail", OwnerId = userId, Frequency = frequency, Trigger = frequency == CommunicationFrequency.OnEvent ? "A policy changes" : null,
                NextDueOn = frequency == CommunicationFrequency.OnEvent ? null : today.AddDays(random.Next(0, 200)),
            }, today, creating: true));
            db.Add(item);
            items.Add(item);
        }

        await db.SaveChangesAsync();
        for (var r = 0; r < records; r++)
        {
            var item = items[r % items.Count];
            db.Add(CommunicationRecord.Create(item.Id, today.AddDays(-random.Next(1, 1000)), "Sent", "https://intranet.bench.example/news", "Bench"));
        }

        await db.SaveChangesAsync();
        // A fifth of the plan fell behind: due dates in the past, as a plan not kept would have them.
        var behind = items.Where((_, i) => i % 5 == 0 && _.NextDueOn is not null).Select(i => i.Id).ToList();
        await db.Set<CommunicationItem>().Where(i => behind.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.NextDueOn, today.AddDays(-20)));
        Console.WriteLine($"  {people.Count:N0} people, {trainings.Count} trainings, {completions:N0} completions, {items.Count} communications, {records:N0} records");
        return (trainings[0].Id, items[0].Id);
    }
}
