using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Risks;

/// <summary>Adds the starter entries the catalogue does not have yet (by name); returns how many were added.</summary>
public sealed class AddStarterThreatCatalogue(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var starter = Starter.Load();
        var threats = (await db.Set<Threat>().Select(t => t.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var vulnerabilities = (await db.Set<Vulnerability>().Select(t => t.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = 0;
        foreach (var entry in starter.Threats.Where(t => threats.Add(t.Name)))
        {
            var threat = new Threat();
            threat.Update(entry.Name, entry.Group, entry.Description, entry.Affects);
            db.Add(threat);
            added++;
        }

        foreach (var entry in starter.Vulnerabilities.Where(v => vulnerabilities.Add(v.Name)))
        {
            var vulnerability = new Vulnerability();
            vulnerability.Update(entry.Name, entry.Group, entry.Description);
            db.Add(vulnerability);
            added++;
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? added : Result<int>.From(saved);
    }

    public sealed class Starter
    {
        public List<Entry> Threats { get; set; } = [];

        public List<Entry> Vulnerabilities { get; set; } = [];

        public sealed class Entry
        {
            public string Group { get; set; } = "";

            public string Name { get; set; } = "";

            public string? Affects { get; set; }

            public string? Description { get; set; }
        }

        public static Starter Load()
        {
            using var stream = typeof(Starter).Assembly.GetManifestResourceStream("OpenIsms.Risks.starter-threats.yaml")
                ?? throw new InvalidOperationException("The starter threat catalogue is not embedded.");
            using var reader = new StreamReader(stream);
            return new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<Starter>(reader);
        }
    }
}
