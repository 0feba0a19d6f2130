using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Adds or edits an entry of the threat or vulnerability catalogue; a name is used once per catalogue.</summary>
public sealed class SaveThreatCatalogueEntry(OpenIsmsDbContext db)
{
    /// <summary>An entry as the catalogue page's form gives it; the catalogue (threats or vulnerabilities) comes from the address.</summary>
    public sealed class Command
    {
        public CatalogueKind Kind { get; set; }

        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public string? Group { get; set; }

        public string? Description { get; set; }

        /// <summary>Which of confidentiality, integrity and availability a threat usually harms (threats only).</summary>
        public string? Affects { get; set; }

        public int Version { get; set; }

        public static Command From(CatalogueKind kind, ListThreatCatalogue.Row row) => new()
        {
            Kind = kind, Id = row.Id, Name = row.Name, Group = row.Group, Description = row.Description, Affects = row.Affects, Version = row.Version,
        };
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var name = c.Name?.Trim() ?? "";
        if (c.Kind == CatalogueKind.Threats)
        {
            var (threat, failure) = await db.LoadOrCreate(c.Id, c.Version, RiskPermissions.Edit, () => new Threat(), ct: ct);
            if (threat is null)
            {
                return failure!;
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

        var (vulnerability, missing) = await db.LoadOrCreate(c.Id, c.Version, RiskPermissions.Edit, () => new Vulnerability(), ct: ct);
        if (vulnerability is null)
        {
            return missing!;
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
}
