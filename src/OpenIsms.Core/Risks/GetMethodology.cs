using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>The methodology versions: the approved one, the draft if any, and every version for the history.</summary>
public sealed class GetMethodology(OpenIsmsDbContext db)
{
    public sealed record VersionRow
    {
        public required Guid Id { get; init; }

        public required int Number { get; init; }

        public required string Name { get; init; }

        public required MethodologyStatus Status { get; init; }

        public required string? ApprovedByName { get; init; }

        public required DateTime? ApprovedAt { get; init; }

        public required string? ChangeNote { get; init; }
    }

    public sealed record View
    {
        public required RiskMethodology? Shown { get; init; }

        public required RiskMethodology? Approved { get; init; }

        public required RiskMethodology? Draft { get; init; }

        public required IReadOnlyList<VersionRow> Versions { get; init; }

        public required int RisksToReassess { get; init; }
    }

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
        return new View
        {
            Shown = shown,
            Approved = approved,
            Draft = draft,
            Versions = all.Select(m => new VersionRow
            {
                Id = m.Id,
                Number = m.Number,
                Name = m.Name,
                Status = m.Status,
                ApprovedByName = m.ApprovedByName,
                ApprovedAt = m.ApprovedAt,
                ChangeNote = m.ChangeNote,
            }).ToList(),
            RisksToReassess = stale,
        };
    }

    /// <summary>The approved methodology, which every new assessment uses; null before the first approval.</summary>
    public async Task<RiskMethodology?> Approved(CancellationToken ct = default) =>
        await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
}
