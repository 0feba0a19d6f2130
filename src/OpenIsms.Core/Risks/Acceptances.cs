using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>The names of the approved methodology's risk levels, by index, for exports that write a level as a word.</summary>
internal static class ApprovedLevels
{
    public static async Task<string[]> Names(OpenIsmsDbContext db, CancellationToken ct)
    {
        var approved = await db.Set<RiskMethodology>().AsNoTracking().Where(m => m.Status == MethodologyStatus.Approved).Select(m => m.DefinitionJson).FirstOrDefaultAsync(ct);
        return approved is null ? [] : MethodologyDefinition.FromJson(approved).Levels.Select(l => l.Name).ToArray();
    }

    public static string? Of(string[] names, int? index) => index is { } i && i >= 0 && i < names.Length ? names[i] : null;
}

internal static class Acceptances
{
    /// <summary>The owner's sign-off in force for each accepted risk: who accepted the residual risk, when, and until when.</summary>
    public static async Task<Dictionary<Guid, (string AcceptedByName, DateTime AcceptedAt, DateOnly ExpiresOn)>> InForce(OpenIsmsDbContext db, CancellationToken ct) =>
        (await (from a in db.Set<RiskAcceptance>() join r in db.Set<Risk>() on a.RiskId equals r.Id where r.Status == RiskStatus.Accepted
                select new { a.RiskId, a.AcceptedByName, a.AcceptedAt, a.ExpiresOn }).ToListAsync(ct))
        .GroupBy(a => a.RiskId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AcceptedAt).Select(a => (a.AcceptedByName, a.AcceptedAt, a.ExpiresOn)).First());

    /// <summary>A new rating, a different treatment or closing the risk ends any sign-off of the old state.</summary>
    public static async Task SupersedeAll(OpenIsmsDbContext db, IReadOnlyCollection<Guid> riskIds, CancellationToken ct)
    {
        var open = await db.Set<RiskAcceptance>().Where(a => riskIds.Contains(a.RiskId) && a.Status != AcceptanceStatus.Superseded).ToListAsync(ct);
        open.ForEach(a => a.Supersede());
    }
}
