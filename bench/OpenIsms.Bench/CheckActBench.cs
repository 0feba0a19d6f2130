using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Reviews;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 14's figures: the large organisation (risks, assets, controls, evidence, an SoA decision for every control) plus
/// 100 audits of 2,000 checklist rows each and 5,000 nonconformities. The audit programme, an audit with its checklist (a
/// page of it, and the findings), the nonconformity register, a management review's live pack compiled, and the readiness
/// page, beside the /health/live floor.
/// </summary>
public static partial class CheckActBench
{
    public static async Task Run(bool small)
    {
        var (audits, rows, nonconformities) = small ? (5, 200, 200) : (100, 2_000, 5_000);
        var kept = Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        try
        {
            Console.WriteLine($"OpenIsms check-and-act benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite · "
                + $"{(small ? "small" : "large")} organisation, {audits} audits × {rows} checklist rows, {nonconformities} nonconformities");
            var generate = Stopwatch.StartNew();
            if (!File.Exists(Path.Combine(folder, "openisms.db")))
            {
                await Session.CreateAdmin(environment);
                await new Generator(environment).Run(small ? Generator.Size.Small : Generator.Size.Large);
            }
            else
            {
                var (first, _) = await AppProcess.Start(environment);
                await first.DisposeAsync();
            }

            await new ControlGenerator(environment).Run(small ? ControlGenerator.Size.Small : ControlGenerator.Size.Large);
            var (audit, review) = await Generate(environment, audits, rows, nonconformities);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data ready in {generate.Elapsed.TotalSeconds:F0} s; database {new FileInfo(Path.Combine(folder, "openisms.db")).Length / 1048576.0:F0} MiB"));
            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                string[] pages =
                [
                    "/audits/programme",
                    "/audits/programme?status=NotPlanned&page=2",
                    "/audits",
                    $"/audits/{audit}",
                    $"/audits/{audit}?show=Findings",
                    $"/audits/{audit}?page=3",
                    "/nonconformities",
                    "/nonconformities?overdue=true&severity=Major",
                    "/readiness",
                    "/",
                ];
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
                http.DefaultRequestHeaders.Add("Cookie", cookie);
                foreach (var page in pages)
                {
                    var response = await http.GetAsync(page);
                    var html = await response.Content.ReadAsStringAsync();
                    Console.WriteLine($"  {page}: {(int)response.StatusCode}, {html.Length / 1024} KiB {Showing().Match(html).Value}");
                    await Load.Run(app.BaseUrl, page, cookie, 100, 4); // warm-up
                }

                // The pack is compiled from live data on every view of a review not yet frozen: its time is that page's.
                for (var i = 0; i < 5; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var response = await http.GetAsync($"/reviews/{review}");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  management review with its live pack: {(int)response.StatusCode} in {clock.Elapsed.TotalMilliseconds:F0} ms"));
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
                foreach (var page in pages)
                {
                    Console.WriteLine(await Load.Run(app.BaseUrl, page, cookie, 1_000, 4));
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/audits/programme", cookie, 500, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, $"/audits/{audit}", cookie, 500, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/readiness", cookie, 500, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, $"/reviews/{review}", cookie, 200, 1));
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

    /// <summary>Audits (reported, their checklists filled in), nonconformities, and one scheduled review; returns an audit and the review.</summary>
    private static async Task<(Guid Audit, Guid Review)> Generate(IDictionary<string, string> settings, int audits, int rows, int nonconformities)
    {
        await using var provider = Generator.Services(settings);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
        if (await db.Set<Audit>().CountAsync() >= audits)
        {
            Console.WriteLine("  audits and nonconformities already generated");
            return (await db.Set<Audit>().OrderBy(a => a.Reference).Select(a => a.Id).FirstAsync(), await db.Set<ManagementReview>().Select(r => r.Id).FirstAsync());
        }

        var random = new Random(9001);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var admin = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync();
        Generator.BenchUser.Instance.UserId = admin;
        var owners = await db.Set<AppUser>().OrderBy(u => u.Email).Select(u => u.Id).Take(40).ToListAsync();
        var results = Enum.GetValues<AuditResult>();
        var ids = new List<Guid>();
        for (var a = 0; a < audits; a++)
        {
            var audit = new Audit();
            Generator.Check(audit.Update(new PlanAudit.Command
            {
                Title = $"Internal audit {a + 1:000}", PlannedStart = today.AddDays(-30 * (audits - a)), PlannedEnd = today.AddDays(-30 * (audits - a) + 2),
                LeadAuditorId = admin, CompetenceEvidence = "Lead auditor certificate", Items = ["x"],
            }));
            audit.NumberOnSave();
            db.Add(audit);
            db.Add(new AuditAuditor { AuditId = audit.Id, UserId = admin });
            audit.Start(audit.PlannedStart);
            for (var r = 0; r < rows; r++)
            {
                var item = new AuditItem
                {
                    AuditId = audit.Id, Kind = AuditItemKind.Process, Code = $"Process {r + 1:0000}", Title = $"Process {r + 1:0000}", Position = r + 1,
                    Prompt = AuditPrompts.Process($"Process {r + 1:0000}"),
                };
                var result = results[random.Next(results.Length)] is var x && AuditItem.IsNonconformity(x) ? AuditResult.Conforming : x;
                Generator.Check(item.Record(new RecordChecklistResult.Command
                {
                    Result = result, Sampled = "Records of the quarter", SampleSize = random.Next(1, 30), Evidence = "Tickets and logs", Notes = "Seen.", NotAuditedReason = "Out of time",
                }, "Bench Admin"));
                db.Add(item);
                audit.Counted(firstResult: true, raised: false);
            }

            audit.Scoped(rows);
            audit.Report("The ISMS conforms in the audited scope.", audit.PlannedEnd, "Bench Admin");
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            ids.Add(audit.Id);
        }

        var severities = Enum.GetValues<NonconformitySeverity>();
        var states = Enum.GetValues<NonconformityState>();
        for (var n = 0; n < nonconformities; n++)
        {
            var nc = Nonconformity.FromFinding(new()
            {
                Title = $"Finding {n + 1:0000}", Description = "Found in sampling.", RequirementId = null, Process = $"Process {random.Next(1, 200):0000}",
                Severity = severities[random.Next(severities.Length)] == NonconformitySeverity.Major && random.Next(10) == 0 ? NonconformitySeverity.Major : NonconformitySeverity.Minor,
                SourceReference = "Bench audit", RaisedOn = today.AddDays(-random.Next(0, 1000)), OwnerId = owners[n % owners.Count], RaisedBy = "Bench Admin",
            });
            db.Add(nc);
            db.Add(NonconformityStep.Of(nc, NonconformityState.Raised, "Raised.", null, nc.RaisedOn, "Bench Admin"));
            if (states[random.Next(states.Length)] != NonconformityState.Raised)
            {
                nc.Correct("Contained.", nc.RaisedOn);
                nc.FindCause(CauseMethod.FreeAnalysis, null, "No owner.");
                var action = CorrectiveAction.For(nc);
                Generator.Check(action.Update(new SaveCorrectiveAction.Command { Title = "Name an owner", OwnerId = owners[n % owners.Count], DueOn = nc.RaisedOn.AddDays(30) }, nc.RaisedOn));
                db.Add(action);
                nc.PlanActions(nc.RaisedOn.AddDays(60));
                if (random.Next(3) > 0)
                {
                    action.Finish(true, "Done.", nc.RaisedOn.AddDays(20));
                    nc.MarkImplemented();
                    nc.Checked(true, nc.RaisedOn.AddDays(60));
                }
            }

            if (n % 1_000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        var review = new ManagementReview();
        Generator.Check(review.Update(new ScheduleReview.Command { Title = "Management review", ScheduledOn = today, ChairId = admin }));
        review.NumberOnSave();
        db.Add(review);
        await db.SaveChangesAsync();
        Console.WriteLine($"  {audits} audits × {rows:N0} rows, {nonconformities:N0} nonconformities, 1 review");
        return (ids[0], review.Id);
    }

    [GeneratedRegex(@"Showing [\d,]+–[\d,]+ of [\d,]+")]
    private static partial Regex Showing();
}
