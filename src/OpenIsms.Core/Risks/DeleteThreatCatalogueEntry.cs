using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Deletes an entry of the threat or vulnerability catalogue when unused: the catalogue keeps what risks refer to.</summary>
public sealed class DeleteThreatCatalogueEntry(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(CatalogueKind kind, Guid id, int version, CancellationToken ct = default)
    {
        var used = kind == CatalogueKind.Threats
            ? await db.Set<Risk>().CountAsync(r => r.ThreatId == id, ct)
            : await db.Set<Risk>().CountAsync(r => r.VulnerabilityId == id, ct);
        if (used > 0)
        {
            return Result.Fail($"{used} risk(s) name this entry. Change those risks first; the catalogue keeps what risks refer to.");
        }

        return kind == CatalogueKind.Threats
            ? await db.DeleteAsync<Threat>(id, version, RiskPermissions.Edit, ct)
            : await db.DeleteAsync<Vulnerability>(id, version, RiskPermissions.Edit, ct);
    }
}
