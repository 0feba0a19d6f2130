using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIsms.Core.Competences;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Users;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 13's roles and competence figures: 1,000 people, 30 ISMS roles, 100 competences, each role needing six of them,
/// most people holding one or two roles, evidence for about three needs in four (some expiring, some expired), actions
/// planned for some gaps, and a RACI matrix of 40 rows. The competence matrix (unfiltered, gaps only, by role, by
/// department, a later page), the competences list, a person's record and the RACI matrix, beside the /health/live floor.
/// On SQLite, or with <c>postgres</c> on a new database of the server that <c>OPENISMS_BENCH_POSTGRES</c> names.
/// </summary>
public static class CompetenceBench
{
    public sealed record Size(int People, int Roles, int Competences, int NeedsPerRole, int RaciRows)
    {
        public static readonly Size Large = new(1_000, 30, 100, 6, 40);
        public static readonly Size Small = new(60, 8, 20, 3, 6);
    }

    public static async Task Run(bool small, bool postgres)
    {
        var size = small ? Size.Small : Size.Large;
        var kept = postgres ? null : Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
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

        try
        {
            Console.WriteLine($"OpenIsms roles and competence benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {(postgres ? "PostgreSQL" : "SQLite")} · {size}");
            var generate = Stopwatch.StartNew();
            if (kept is not null && File.Exists(Path.Combine(folder, "openisms.db")))
            {
                throw new InvalidOperationException("OPENISMS_BENCH_FOLDER already holds a database: give an empty folder.");
            }

            await Session.CreateAdmin(environment);
            var (role, person, department) = await Generate(environment, size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data generated in {generate.Elapsed.TotalSeconds:F0} s"));

            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready on this database: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
                http.DefaultRequestHeaders.Add("Cookie", cookie);
                string[] pages =
                [
                    "/competences/matrix",
                    "/competences/matrix?gaps=true",
                    $"/competences/matrix?role={role}",
                    $"/competences/matrix?department={Uri.EscapeDataString(department)}&gaps=true",
                    "/competences/matrix?page=20",
                    "/competences",
                    $"/competences/people/{person}",
                    "/roles",
                    "/roles/raci",
                    "/",
                ];
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

                Console.WriteLine(await Load.Run(app.BaseUrl, "/competences/matrix", cookie, 500, 1));
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

    /// <summary>The volume, through the entities' rules and SaveChanges (so the activity log is written); deterministic.</summary>
    private static async Task<(Guid Role, Guid Person, string Department)> Generate(IDictionary<string, string> settings, Size size)
    {
        var clock = Stopwatch.StartNew();
        await using var provider = Generator.Services(settings);
        var random = new Random(13);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
        Generator.BenchUser.Instance.UserId = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();

        var people = new List<Person>();
        for (var i = 0; i < size.People; i++)
        {
            var person = new Person();
            Generator.Check(person.Update(new SavePerson.Command
            {
                Name = $"{Names.First[i % Names.First.Length]} {Names.Last[(i / Names.First.Length) % Names.Last.Length]} {i + 1:0000}",
                Email = $"staff{i + 1:0000}@bench.example", Department = DocumentGenerator.Departments[i % DocumentGenerator.Departments.Length], StartDate = today.AddYears(-3),
            }));
            db.Add(person);
            people.Add(person);
        }

        var roles = await db.Set<IsmsRole>().ToListAsync(); // the usual roles a new installation starts with
        for (var r = roles.Count; r < size.Roles; r++)
        {
            var role = new IsmsRole();
            Generator.Check(role.Update(new SaveIsmsRole.Command { Name = $"ISMS role {r + 1:00}", Responsibilities = "Carries out part of the ISMS." }, today));
            db.Add(role);
            roles.Add(role);
        }

        var kinds = Enum.GetValues<CompetenceKind>();
        var competences = new List<Competence>();
        for (var c = 0; c < size.Competences; c++)
        {
            var competence = new Competence();
            Generator.Check(competence.Update(new SaveCompetence.Command { Name = $"Competence {c + 1:000}", Kind = kinds[c % kinds.Length] }));
            db.Add(competence);
            competences.Add(competence);
        }

        await db.SaveChangesAsync();
        var needs = new Dictionary<Guid, List<(Competence Competence, Proficiency Level)>>();
        foreach (var role in roles)
        {
            var chosen = competences.OrderBy(_ => random.Next()).Take(size.NeedsPerRole).Select(c => (c, (Proficiency)random.Next(1, 4))).ToList();
            needs[role.Id] = chosen;
            foreach (var (competence, level) in chosen)
            {
                db.Add(RoleCompetence.Create(role.Id, competence.Id, level));
            }
        }

        var actionCount = 0;
        var evidenceCount = 0;
        var assignments = 0;
        foreach (var person in people)
        {
            // Nine in ten hold a role; one in three of those a second.
            if (random.Next(10) == 0)
            {
                continue;
            }

            var held = roles.OrderBy(_ => random.Next()).Take(random.Next(3) == 0 ? 2 : 1).ToList();
            foreach (var role in held)
            {
                db.Add(Generator.Value(RoleAssignment.Create(role.Id, person, today.AddDays(-random.Next(30, 700)), null, today)));
                assignments++;
                foreach (var (competence, level) in needs[role.Id])
                {
                    var roll = random.Next(100);
                    if (roll < 75)
                    {
                        var expires = competence.Kind == CompetenceKind.Certification ? today.AddDays(random.Next(-60, 900)) : (DateOnly?)null;
                        db.Add(Generator.Value(CompetenceEvidence.Create(person, competence, new AddCompetenceEvidence.Command
                        {
                            CompetenceId = competence.Id, Kind = competence.Kind == CompetenceKind.Certification ? EvidenceOfCompetence.Certificate : EvidenceOfCompetence.TrainingRecord,
                            Level = roll < 65 ? level : Proficiency.Basic, Description = "Course record", ObtainedOn = today.AddDays(-random.Next(100, 1000)), ExpiresOn = expires,
                        }, today, "Bench")));
                        evidenceCount++;
                    }
                    else if (roll < 88)
                    {
                        db.Add(Generator.Value(CompetenceAction.Create(person.Id, competence.Id, new SaveCompetenceAction.Command
                        {
                            Kind = GapActionKind.Training, Description = "Attend the course", DueOn = today.AddDays(random.Next(1, 120)),
                        }, today)));
                        actionCount++;
                    }
                }
            }

            if (assignments % 200 == 0)
            {
                await db.SaveChangesAsync();
            }
        }

        await db.SaveChangesAsync();
        for (var r = 0; r < size.RaciRows; r++)
        {
            var activity = new RaciActivity();
            Generator.Check(activity.Update($"ISMS process {r + 1:00}", RaciSubject.Process, null, r * 10));
            db.Add(activity);
            var cells = roles.OrderBy(_ => random.Next()).Take(5).ToList();
            db.Add(RaciCell.Create(activity.Id, cells[0].Id, RaciLetter.Accountable));
            db.Add(RaciCell.Create(activity.Id, cells[1].Id, RaciLetter.Responsible));
            db.Add(RaciCell.Create(activity.Id, cells[2].Id, RaciLetter.Consulted));
            db.Add(RaciCell.Create(activity.Id, cells[3].Id, RaciLetter.Informed));
            db.Add(RaciCell.Create(activity.Id, cells[4].Id, RaciLetter.Informed));
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"  {people.Count:N0} people, {roles.Count} roles, {competences.Count} competences, {assignments:N0} assignments, {evidenceCount:N0} evidence records, {actionCount:N0} actions, {size.RaciRows} RACI rows in {clock.Elapsed.TotalSeconds:F0} s");
        var busiest = await db.Set<RoleAssignment>().GroupBy(a => a.RoleId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var someone = await db.Set<RoleAssignment>().Select(a => a.PersonId).FirstAsync();
        return (busiest, someone, DocumentGenerator.Departments[3]);
    }
}
