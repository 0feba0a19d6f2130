using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Soa;
using OpenIsms.Core.Users;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Bench;

/// <summary>
/// Adds issue 4's volume to a generated database: controls implementing Annex A controls, their open runs, evidence
/// items (notes, links and files in the real content-addressed store) linked to them, and an SoA decision for every
/// Annex A control. Through the entities' rules and SaveChanges, so the activity log is written too. Deterministic.
/// </summary>
public sealed class ControlGenerator(IDictionary<string, string> settings)
{
    public sealed record Size(int Controls, int EvidencePerControl, int DistinctFiles)
    {
        public static readonly Size Large = new(10_000, 20, 200);
        public static readonly Size Small = new(100, 5, 10);
    }

    private static readonly string[] ControlNames =
    [
        "Quarterly access review", "Nightly backup with monthly restore test", "Patch critical systems within 14 days", "Phishing simulation",
        "Firewall rule review", "Supplier security assessment", "Log review of privileged accounts", "Vulnerability scan", "Joiner-mover-leaver checks",
        "Encryption of laptops", "Clean desk walk-through", "Business continuity exercise",
    ];

    public async Task Run(Size size)
    {
        var clock = Stopwatch.StartNew();
        await using var provider = Generator.Services(settings);
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(k => k.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value)).Build();
        var store = new FileEvidenceStore(Composition.EvidenceStorage(config));
        var random = new Random(93);
        List<string> owners;
        List<Guid> requirements;
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            if (await db.Set<Control>().CountAsync() >= size.Controls)
            {
                Console.WriteLine("  controls and evidence already generated");
                return;
            }

            owners = await db.Set<AppUser>().OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
            requirements = await db.Set<Requirement>().Where(r => r.Kind == RequirementKind.Control).OrderBy(r => r.SortOrder).Select(r => r.Id).ToListAsync();
            foreach (var requirement in requirements)
            {
                var entry = new SoaEntry { RequirementId = requirement };
                Check(entry.Decide(new SoaEntry.Decision
                {
                    Applicable = true,
                    Reasons = [InclusionReason.BestPractice],
                    ExclusionJustification = null,
                    StatusOverride = null,
                    OverrideReason = null,
                    Notes = null,
                }, treatsRisks: true));
                db.Add(entry);
            }

            await db.SaveChangesAsync();
        }

        var files = new List<StoredFile>();
        for (var f = 0; f < size.DistinctFiles; f++)
        {
            var content = Encoding.ASCII.GetBytes($"%PDF-1.4\n% benchmark evidence {f}\n{new string('x', 2000 + (f * 37))}\n%%EOF\n");
            using var write = await store.Write(new MemoryStream(content), long.MaxValue);
            write.Commit();
            files.Add(new StoredFile($"evidence-{f:000}.pdf", "application/pdf", write.Size, write.Sha256));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var frequencies = Enum.GetValues<ControlFrequency>();
        const int batch = 250;
        for (var start = 0; start < size.Controls; start += batch)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            for (var n = start; n < Math.Min(size.Controls, start + batch); n++)
            {
                var control = new Control();
                var frequency = frequencies[n % frequencies.Length];
                var status = random.Next(10) switch { < 6 => ControlStatus.Operating, < 8 => ControlStatus.Implemented, 8 => ControlStatus.Planned, _ => ControlStatus.Ineffective };
                Check(control.Update(
                    new SaveControl.Command
                    {
                        Name = $"{ControlNames[n % ControlNames.Length]} ({n + 1})", Description = "Generated for the benchmark.", OwnerId = owners[random.Next(owners.Count)],
                        Type = (ControlType)(n % 3), Frequency = frequency, Status = status,
                    },
                    $"CTL-{n + 1:00000}"));
                db.Add(control);
                foreach (var requirement in Enumerable.Range(0, random.Next(1, 4)).Select(_ => requirements[random.Next(requirements.Count)]).Distinct())
                {
                    db.Add(new ControlRequirement { ControlId = control.Id, RequirementId = requirement });
                }

                if (ControlTaskSchedule.Runs(control))
                {
                    db.Add(ControlTask.Open(control.Id, today.AddDays(random.Next(-30, 90))));
                }

                for (var e = 0; e < size.EvidencePerControl; e++)
                {
                    var collected = today.AddDays(-random.Next(0, 730));
                    var kind = (e % 4) switch { 0 => EvidenceKind.File, 1 => EvidenceKind.Link, _ => EvidenceKind.Note };
                    var details = new Evidence.Details($"{ControlNames[n % ControlNames.Length]} evidence {e + 1}", "Checked and signed off by the control owner.", collected,
                        ControlSchedule.EvidenceValidUntil(frequency, collected));
                    var collector = random.Next(owners.Count);
                    var created = Evidence.Create(kind, details, owners[collector], null,
                        kind == EvidenceKind.Link ? $"https://tickets.bench.example/OPS-{n}-{e}" : null, kind == EvidenceKind.File ? files[random.Next(files.Count)] : null, control.Id);
                    Check(created);
                    var evidence = created.Value!;
                    if (random.Next(10) < 8)
                    {
                        // Reviewed by someone other than the collector, as the four-eyes rule requires.
                        Check(evidence.Decide(EvidenceReview.Accepted, null, owners[(collector + 1 + random.Next(owners.Count - 1)) % owners.Count], DateTime.UtcNow));
                    }

                    db.Add(evidence);
                    db.Add(new EvidenceControl { EvidenceId = evidence.Id, ControlId = control.Id });
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {size.Controls:N0} controls with {size.Controls * size.EvidencePerControl:N0} evidence items ({size.DistinctFiles} distinct files) in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static void Check(Result result) => Generator.Check(result);
}
