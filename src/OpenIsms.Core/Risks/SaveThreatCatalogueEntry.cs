using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Adds or edits an entry of the threat or vulnerability catalogue; a name is used once per catalogue.</summary>
public sealed class SaveThreatCatalogueEntry(OpenIsmsDbContext db)
{
    public sealed record Command(CatalogueKind Kind, Guid? Id, string? Name, string? Group, string? Description, string? Affects, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var name = c.Name?.Trim() ?? "";
        if (c.Kind == CatalogueKind.Threats)
        {
            var (threat, failure) = c.Id is { } id ? await db.LoadForChange<Threat>(id, c.Version, RiskPermissions.Edit, ct: ct) : (new Threat(), null);
            if (threat is null || !db.CurrentUser.Has(RiskPermissions.Edit))
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

        var (vulnerability, missing) = c.Id is { } vid ? await db.LoadForChange<Vulnerability>(vid, c.Version, RiskPermissions.Edit, ct: ct) : (new Vulnerability(), null);
        if (vulnerability is null || !db.CurrentUser.Has(RiskPermissions.Edit))
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
}
