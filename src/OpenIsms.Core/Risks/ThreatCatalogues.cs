using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Risks;

public enum CatalogueKind
{
    Threats,
    Vulnerabilities,
}

/// <summary>The organisation's threat and vulnerability catalogues: list, add or edit, delete when unused, add the starter entries.</summary>
public sealed class ManageThreatCatalogue(OpenIsmsDbContext db)
{
    public sealed record Row(Guid Id, string Name, string Group, string? Description, string? Affects, int Risks, int Version);

    public async Task<Page<Row>> Handle(CatalogueKind kind, string? search, string? group, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var term = string.IsNullOrWhiteSpace(search) ? null : "%" + search.Trim().ToLowerInvariant() + "%";
        IQueryable<Row> rows = kind == CatalogueKind.Threats
            ? db.Set<Threat>().AsNoTracking()
                .Where(t => (group == null || t.Group == group) && (term == null || EF.Functions.Like(t.Name.ToLower(), term) || EF.Functions.Like((t.Description ?? "").ToLower(), term)))
                .OrderBy(t => t.Group).ThenBy(t => t.Name)
                .Select(t => new Row(t.Id, t.Name, t.Group, t.Description, t.Affects, db.Set<Risk>().Count(r => r.ThreatId == t.Id), t.Version))
            : db.Set<Vulnerability>().AsNoTracking()
                .Where(t => (group == null || t.Group == group) && (term == null || EF.Functions.Like(t.Name.ToLower(), term) || EF.Functions.Like((t.Description ?? "").ToLower(), term)))
                .OrderBy(t => t.Group).ThenBy(t => t.Name)
                .Select(t => new Row(t.Id, t.Name, t.Group, t.Description, null, db.Set<Risk>().Count(r => r.VulnerabilityId == t.Id), t.Version));
        var size = pageSize is 25 or 50 or 100 ? pageSize : 50;
        var number = PageSizes.NormalisePage(page);
        var total = await rows.CountAsync(ct);
        return new Page<Row>(await rows.Skip((number - 1) * size).Take(size).ToListAsync(ct), number, size, total);
    }

    public sealed record Command(CatalogueKind Kind, Guid? Id, string? Name, string? Group, string? Description, string? Affects, int Version);

    public async Task<Result> Save(Command c, CancellationToken ct = default)
    {
        var name = c.Name?.Trim() ?? "";
        if (c.Kind == CatalogueKind.Threats)
        {
            var (threat, failure) = c.Id is { } id ? await db.LoadForChange<Threat>(id, c.Version, Permissions.RisksEdit, ct) : (new Threat(), null);
            if (threat is null || !db.CurrentUser.Has(Permissions.RisksEdit))
            {
                return failure ?? Result.Forbidden();
            }

            if (await db.Set<Threat>().AnyAsync(t => t.Name == name && t.Id != threat.Id, ct))
            {
                return Result.Invalid(new FieldError("Name", $"The catalogue already has a threat called {name}."));
            }

            var result = threat.Update(name, c.Group ?? "", c.Description, c.Affects);
            if (result.Succeeded && c.Id is null)
            {
                db.Add(threat);
            }

            return result.Succeeded ? await db.SaveAsync(ct) : result;
        }

        var (vulnerability, missing) = c.Id is { } vid ? await db.LoadForChange<Vulnerability>(vid, c.Version, Permissions.RisksEdit, ct) : (new Vulnerability(), null);
        if (vulnerability is null || !db.CurrentUser.Has(Permissions.RisksEdit))
        {
            return missing ?? Result.Forbidden();
        }

        if (await db.Set<Vulnerability>().AnyAsync(t => t.Name == name && t.Id != vulnerability.Id, ct))
        {
            return Result.Invalid(new FieldError("Name", $"The catalogue already has a vulnerability called {name}."));
        }

        var updated = vulnerability.Update(name, c.Group ?? "", c.Description);
        if (updated.Succeeded && c.Id is null)
        {
            db.Add(vulnerability);
        }

        return updated.Succeeded ? await db.SaveAsync(ct) : updated;
    }

    public async Task<Result> Delete(CatalogueKind kind, Guid id, int version, CancellationToken ct = default)
    {
        var used = kind == CatalogueKind.Threats
            ? await db.Set<Risk>().CountAsync(r => r.ThreatId == id, ct)
            : await db.Set<Risk>().CountAsync(r => r.VulnerabilityId == id, ct);
        if (used > 0)
        {
            return Result.Fail($"{used} risk(s) name this entry. Change those risks first; the catalogue keeps what risks refer to.");
        }

        return kind == CatalogueKind.Threats
            ? await db.DeleteAsync<Threat>(id, version, Permissions.RisksEdit, ct)
            : await db.DeleteAsync<Vulnerability>(id, version, Permissions.RisksEdit, ct);
    }

    /// <summary>Adds the starter entries the catalogue does not have yet (by name); returns how many were added.</summary>
    public async Task<Result<int>> AddStarters(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.RisksEdit))
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
