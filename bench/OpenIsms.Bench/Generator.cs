using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Users;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Bench;

/// <summary>
/// Fills a database (already migrated, with its first administrator) with a large organisation's registers:
/// assets, risks with several assessments each and treatment actions, through the entities' own rules and
/// SaveChanges, so the activity log is written as it would be by users. Deterministic for a given size.
/// </summary>
public sealed class Generator(IDictionary<string, string> settings)
{
    public sealed record Size(int Assets, int Risks, int AssessmentsPerRisk, int Actions, int Owners)
    {
        public static readonly Size Large = new(10_000, 10_000, 5, 50_000, 40);
        public static readonly Size Small = new(60, 40, 3, 120, 4);
    }

    public async Task Run(Size size)
    {
        var clock = Stopwatch.StartNew();
        await using var provider = Services();
        var random = new Random(27001);
        string adminId;
        Guid methodologyId;
        var owners = new List<string>();
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            var admin = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).FirstAsync();
            adminId = admin.Id;
            BenchUser.Instance.UserId = adminId;
            owners.Add(adminId);

            // Owners must hold a role whose duties include owning risks: contributors.
            var contributor = await db.Roles.Where(r => r.Name == OpenIsms.Core.Security.Roles.Contributor).Select(r => r.Id).FirstAsync();
            for (var i = 1; i < size.Owners; i++)
            {
                var email = $"owner{i:00}@bench.example";
                var user = new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"{Names.First[i % Names.First.Length]} {Names.Last[(i * 7) % Names.Last.Length]}", EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow,
                };
                db.Add(user);
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = contributor });
                owners.Add(user.Id);
            }

            var methodology = await db.Set<RiskMethodology>().OrderByDescending(m => m.Number).FirstAsync();
            if (methodology.Status == MethodologyStatus.Draft)
            {
                methodology.Approve(adminId, "Bench Admin", DateTime.UtcNow);
            }

            methodologyId = methodology.Id;
            await db.SaveChangesAsync();
        }

        var assetIds = new List<Guid>(size.Assets);
        var types = Enum.GetValues<AssetType>();
        for (var start = 0; start < size.Assets; start += 1000)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            for (var n = start; n < Math.Min(size.Assets, start + 1000); n++)
            {
                var asset = new Asset();
                var type = types[n % types.Length];
                Check(asset.Update(
                    new SaveAsset.Command
                    {
                        Name = $"{Names.AssetNoun(type, n)} {n + 1}", Type = type, Description = "Generated for the benchmark.", OwnerId = owners[random.Next(owners.Count)],
                        Custodian = "IT Operations", Location = Names.Locations[n % Names.Locations.Length], Classification = ClassificationLevel.Defaults[random.Next(4)],
                        Confidentiality = random.Next(1, 5), Integrity = random.Next(1, 5), Availability = random.Next(1, 5), Criticality = (Criticality)random.Next(4), InScope = random.Next(10) > 0,
                    },
                    $"AST-{n + 1:00000}",
                    ClassificationLevel.Defaults));
                db.Add(asset);
                assetIds.Add(asset.Id);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {size.Assets:N0} assets in {clock.Elapsed.TotalSeconds:F0} s");
        List<Guid> controls;
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            controls = await db.Set<Requirement>().Where(r => r.Kind == RequirementKind.Control).Select(r => r.Id).ToListAsync();
        }

        var riskIds = new List<Guid>(size.Risks);
        var now = DateTime.UtcNow;
        for (var start = 0; start < size.Risks; start += 500)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            var methodology = await db.Set<RiskMethodology>().AsNoTracking().FirstAsync(m => m.Id == methodologyId);
            var definition = methodology.Definition;
            for (var n = start; n < Math.Min(size.Risks, start + 500); n++)
            {
                var risk = new Risk();
                var scenario = Names.Scenarios[n % Names.Scenarios.Length];
                Check(risk.Update(new SaveRisk.Command
                {
                    Title = $"{scenario} ({n + 1})", Description = "Generated for the benchmark.", OwnerId = owners[random.Next(owners.Count)],
                    ExistingControls = "Backups, MFA for administrators",
                }, $"R-{n + 1:00000}"));
                db.Add(risk);
                riskIds.Add(risk.Id);
                foreach (var assetId in Enumerable.Range(0, random.Next(1, 4)).Select(_ => assetIds[random.Next(assetIds.Count)]).Distinct())
                {
                    db.Add(new RiskAsset { RiskId = risk.Id, AssetId = assetId });
                }

                foreach (var control in Enumerable.Range(0, random.Next(1, 4)).Select(_ => controls[random.Next(controls.Count)]).Distinct())
                {
                    db.Add(new RiskControl { RiskId = risk.Id, RequirementId = control });
                }

                for (var a = 0; a < size.AssessmentsPerRisk; a++)
                {
                    var when = now.AddDays(-30 * (size.AssessmentsPerRisk - a)).AddMinutes(n);
                    var inherentL = random.Next(2, 6);
                    var impacts = definition.RatedAreas.Select(_ => random.Next(1, 6)).ToList();
                    var residualImpacts = impacts.Select(i => Math.Max(1, i - random.Next(0, 3))).ToList();
                    var assessment = RiskAssessment.Create(risk.Id, methodology, new(inherentL, impacts), new(Math.Max(1, inherentL - random.Next(0, 3)), residualImpacts),
                        a == 0 ? "First assessment." : null, adminId, "Bench Admin", when);
                    Check(assessment);
                    db.Add(assessment.Value!);
                    risk.Apply(assessment.Value!, definition.ReviewIntervalMonths, TimeZoneInfo.Utc);
                }

                if (random.Next(10) < 8)
                {
                    Check(risk.Decide((TreatmentOption)random.Next(4), "Chosen in the annual risk workshop."));
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {size.Risks:N0} risks with {size.Risks * size.AssessmentsPerRisk:N0} assessments in {clock.Elapsed.TotalSeconds:F0} s");
        var statuses = Enum.GetValues<ActionStatus>();
        for (var start = 0; start < size.Actions; start += 2000)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            for (var n = start; n < Math.Min(size.Actions, start + 2000); n++)
            {
                var action = TreatmentAction.For(riskIds[n % riskIds.Count]);
                Check(action.Update(
                    new SaveTreatmentAction.Command
                    {
                        Title = $"{Names.Actions[n % Names.Actions.Length]} ({n + 1})", OwnerId = owners[random.Next(owners.Count)],
                        Due = DateOnly.FromDateTime(now).AddDays(random.Next(-90, 365)), Status = statuses[random.Next(statuses.Length)], RequirementId = controls[random.Next(controls.Count)],
                    },
                    now));
                db.Add(action);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {size.Actions:N0} treatment actions; done in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private ServiceProvider Services() => Services(settings);

    /// <summary>A DbContext over the benchmark's database, acting as the generator (every permission, logged as such).</summary>
    internal static ServiceProvider Services(IDictionary<string, string> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(k => k.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICurrentUser>(BenchUser.Instance);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new OpenIsms.Core.Common.Clock(TimeProvider.System, TimeZoneInfo.Utc)); // the generator's dates: the organisation's zone is UTC
        services.AddDbContext<OpenIsmsDbContext>(o => DatabaseSetup.Configure(o, config));

        // The app's own key file, so that what the generator writes verifies in the app.
        services.AddSingleton(sp => ActivityKeyRing.Open(Composition.ActivityStorage(config).KeyFile, TimeProvider.System));
        return services.BuildServiceProvider();
    }

    internal static T Value<T>(Result<T> result)
    {
        Check(result);
        return result.Value!;
    }

    internal static void Check(Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Generator produced invalid data: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    internal sealed class BenchUser : ICurrentUser
    {
        public static readonly BenchUser Instance = new();

        public string? UserId { get; set; }

        public string DisplayName => "Bench data generator";

        public bool Has(string permission) => true;
    }
}

internal static class Names
{
    public static readonly string[] First = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Niklaus", "Radia", "Tim"];
    public static readonly string[] Last = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Wirth", "Perlman", "Berners-Lee"];
    public static readonly string[] Locations = ["HQ Leeds", "Data centre Frankfurt", "AWS eu-west-1", "Branch Lyon", "Home office", "Supplier site"];
    public static readonly string[] Scenarios =
    [
        "Ransomware encrypts file shares", "Phishing steals staff credentials", "Laptop lost on the train", "Supplier outage stops order processing",
        "Misconfigured storage exposes customer data", "Insider copies the customer list", "Backup cannot be restored", "DDoS takes the web shop offline",
        "Unpatched VPN appliance exploited", "Key developer leaves without handover", "Fire in the server room", "Payment fraud through invoice redirection",
    ];

    public static readonly string[] Actions =
    [
        "Roll out phishing-resistant MFA", "Segment the backup network", "Quarterly restore test", "Encrypt laptop disks", "Review supplier exit plan",
        "Patch VPN appliances within 48 hours", "Run awareness campaign", "Set up DDoS protection", "Document handover for key roles",
    ];

    public static string AssetNoun(AssetType type, int n) => type switch
    {
        AssetType.Information => "Customer records",
        AssetType.Software => "Billing application",
        AssetType.Hardware => "Server",
        AssetType.Service => "Cloud service",
        AssetType.People => "Operations team",
        AssetType.Site => "Office",
        _ => n % 2 == 0 ? "Payroll provider" : "Hosting provider",
    };
}
