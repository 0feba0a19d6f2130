using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;
using OpenIsms.Core.Users;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 12's volume on a database with its first administrator: document owners, a staff list in departments, controlled
/// documents with their versions (all but the last superseded), acknowledgement campaigns with their people (some
/// acknowledged, some pending), and one long policy for the exports. Through the entities' rules and SaveChanges in
/// batches, so the activity log is written as users would write it. Deterministic for a given size.
/// </summary>
public sealed class DocumentGenerator(IDictionary<string, string> settings)
{
    public sealed record Size(int Documents, int VersionsPerDocument, int People, int Campaigns, int Owners, int PolicyWords)
    {
        public static readonly Size Large = new(5_000, 5, 1_000, 50, 20, 20_000);
        public static readonly Size Small = new(60, 3, 40, 3, 4, 2_000);
    }

    /// <summary>The long policy's identifier: the exports and the 1,000-mail campaign use it.</summary>
    public const string PolicyReference = "POL-LONG";

    public static readonly string[] Departments =
        ["Sales", "Finance", "IT Operations", "Software Development", "Customer Service", "Human Resources", "Legal", "Marketing", "Facilities", "Procurement"];

    public async Task Run(Size size)
    {
        var clock = Stopwatch.StartNew();
        await using var provider = Generator.Services(settings);
        var random = new Random(12);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var owners = new List<string>();
        var people = new List<(Guid Id, string Name, string Email, string Department)>();
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            if (await db.Set<ControlledDocument>().AnyAsync())
            {
                Console.WriteLine("  documents already generated");
                return;
            }

            var admin = await db.Set<AppUser>().OrderBy(u => u.CreatedAt).FirstAsync();
            Generator.BenchUser.Instance.UserId = admin.Id;
            owners.Add(admin.Id);
            var contributor = await db.Roles.Where(r => r.Name == OpenIsms.Core.Security.Roles.Contributor).Select(r => r.Id).FirstAsync();
            for (var i = 1; i < size.Owners; i++)
            {
                var email = $"docowner{i:00}@bench.example";
                var user = new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"{Names.First[i % Names.First.Length]} {Names.Last[(i * 5) % Names.Last.Length]}", EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
                };
                db.Add(user);
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = contributor });
                owners.Add(user.Id);
            }

            for (var i = 0; i < size.People; i++)
            {
                var person = new Person();
                var name = $"{Names.First[i % Names.First.Length]} {Names.Last[(i / Names.First.Length) % Names.Last.Length]} {i + 1:0000}";
                var department = Departments[i % Departments.Length];
                Generator.Check(person.Update(new SavePerson.Command
                {
                    Name = name, Email = $"person{i + 1:0000}@bench.example", Department = department, JobTitle = "Staff", StartDate = today.AddYears(-2),
                }));
                db.Add(person);
                people.Add((person.Id, name, person.Email!, department));
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {size.Owners} owners and {size.People:N0} people in {clock.Elapsed.TotalSeconds:F0} s");

        // Documents, each with its versions: 0.1, then 1.0, 1.1, 2.0, 2.1 … every one approved, all but the last superseded.
        var kinds = Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.External).ToArray();
        var campaignVersions = new List<DocumentVersion>();
        const int batch = 200;
        for (var start = 0; start < size.Documents; start += batch)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            for (var n = start; n < Math.Min(size.Documents, start + batch); n++)
            {
                var kind = kinds[n % kinds.Length];
                var topic = PolicyText.Topic(n);
                var document = new ControlledDocument(kind);
                Generator.Check(document.Update(new SaveDocument.Command
                {
                    Kind = kind, Title = $"{topic} {DocumentKinds.Name(kind).ToLowerInvariant()} ({n + 1})", Purpose = $"Sets out how the organisation handles {topic.ToLowerInvariant()}.",
                    OwnerId = owners[random.Next(owners.Count)], Classification = random.Next(3) == 0 ? "Confidential" : "Internal", Audience = "All staff",
                    ReviewIntervalMonths = 12, Clauses = "5.2, 7.5",
                }, $"{DocumentKinds.Prefix(kind)}{n + 1:00000}"));
                db.Add(document);
                var approvedOn = today.AddDays(-random.Next(20, 460)); // about one in five reviews overdue
                var version = DocumentVersion.FirstDraft(document.Id, document.OwnerId);
                for (var v = 0; v < size.VersionsPerDocument; v++)
                {
                    if (v > 0)
                    {
                        var previous = version;
                        previous.Supersede();
                        version = DocumentVersion.After(previous, major: v % 2 == 1, document.OwnerId);
                    }

                    var at = now.AddDays(-30 * (size.VersionsPerDocument - v) - random.Next(0, 20));
                    Generator.Check(version.Edit(PolicyText.Markdown(n * 31 + v, 380 + random.Next(200), topic), v == 0 ? "First version." : $"Annual update {v}.", v % 2 == 1));
                    Generator.Check(version.Submit(document.OwnerId, at, Quorum.Any, 1, 1));
                    version.Approve(at.AddHours(4));
                    document.Publish(version, v == size.VersionsPerDocument - 1 ? approvedOn : DateOnly.FromDateTime(at));
                    db.Add(version);
                }

                if (n < size.Campaigns)
                {
                    campaignVersions.Add(version);
                }
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {size.Documents:N0} documents with {size.Documents * size.VersionsPerDocument:N0} versions in {clock.Elapsed.TotalSeconds:F0} s");

        // Campaigns: each asks everyone to acknowledge one document's version in force; older ones mostly answered.
        for (var c = 0; c < campaignVersions.Count; c++)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            var version = campaignVersions[c];
            var due = c % 2 == 0 ? today.AddDays(-random.Next(1, 60)) : today.AddDays(random.Next(7, 30));
            var campaign = AckCampaign.Start(version, "Everyone", due, c % 3 == 0 ? "Please read this before the audit." : null, owners[0], people.Count);
            db.Add(campaign);
            var share = 0.3 + (0.6 * c / Math.Max(1, campaignVersions.Count - 1));
            foreach (var p in people)
            {
                var ack = Acknowledgement.Ask(campaign, p.Id, p.Name, p.Email, p.Department);
                ack.IssueLink(now.AddDays(-20), reminder: false);
                if (random.NextDouble() < share)
                {
                    Generator.Check(ack.Acknowledge(version.ContentSha256!, "personal link", now.AddDays(-random.Next(1, 19))));
                }

                db.Add(ack);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"  {campaignVersions.Count} campaigns with {campaignVersions.Count * people.Count:N0} acknowledgements in {clock.Elapsed.TotalSeconds:F0} s");

        // The long policy, one version in force, for the exports and the 1,000-mail campaign.
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenIsmsDbContext>();
            var policy = new ControlledDocument(DocumentKind.SecurityPolicy);
            Generator.Check(policy.Update(new SaveDocument.Command
            {
                Kind = DocumentKind.SecurityPolicy, Title = "Information security policy (complete edition)", Purpose = "The organisation's information security policy with every topic-specific rule.",
                OwnerId = owners[0], Classification = "Internal", Audience = "All staff", ReviewIntervalMonths = 12, Clauses = "5.2, 7.5, A.5.1",
            }, PolicyReference));
            db.Add(policy);
            var version = DocumentVersion.FirstDraft(policy.Id, owners[0]);
            var content = PolicyText.Markdown(4040, size.PolicyWords, "information security");
            Generator.Check(version.Edit(content, "First complete edition.", true));
            Generator.Check(version.Submit(owners[0], now.AddDays(-2), Quorum.Any, 1, 1));
            version.Approve(now.AddDays(-1));
            policy.Publish(version, today.AddDays(-1));
            db.Add(version);
            var approval = DocumentApproval.Ask(version, owners[0]);
            Generator.Check(approval.Decide(true, null, now.AddDays(-1)));
            db.Add(approval);
            await db.SaveChangesAsync();
            Console.WriteLine($"  policy {PolicyReference}: {content.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length:N0} words, {content.Length / 1024.0:F0} KiB of Markdown; done in {clock.Elapsed.TotalSeconds:F0} s");
        }
    }
}
