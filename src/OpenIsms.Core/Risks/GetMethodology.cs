using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>The methodology versions: the approved one, the draft if any, and every version for the history.</summary>
public sealed class GetMethodology(OpenIsmsDbContext db)
{
    public sealed record VersionRow(Guid Id, int Number, string Name, MethodologyStatus Status, string? ApprovedByName, DateTime? ApprovedAt, string? ChangeNote);

    public sealed record View(RiskMethodology? Shown, RiskMethodology? Approved, RiskMethodology? Draft, IReadOnlyList<VersionRow> Versions, int RisksToReassess);

    /// <summary>With a number, that version; otherwise the draft if there is one, else the approved version.</summary>
    public async Task<View?> Handle(int? number = null, CancellationToken ct = default)
    {
        var all = await db.Set<RiskMethodology>().AsNoTracking().OrderByDescending(m => m.Number).ToListAsync(ct);
        var approved = all.FirstOrDefault(m => m.Status == MethodologyStatus.Approved);
        var draft = all.FirstOrDefault(m => m.Status == MethodologyStatus.Draft);
        var shown = number is { } n ? all.FirstOrDefault(m => m.Number == n) : draft ?? approved;
        if (number is not null && shown is null)
        {
            return null;
        }

        var stale = approved is null ? 0 : await db.Set<Risk>().CountAsync(r => r.MethodologyId != null && r.MethodologyId != approved.Id && r.Status != RiskStatus.Closed, ct);
        return new View(shown, approved, draft,
            all.Select(m => new VersionRow(m.Id, m.Number, m.Name, m.Status, m.ApprovedByName, m.ApprovedAt, m.ChangeNote)).ToList(), stale);
    }

    /// <summary>The approved methodology, which every new assessment uses; null before the first approval.</summary>
    public async Task<RiskMethodology?> Approved(CancellationToken ct = default) =>
        await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
}
