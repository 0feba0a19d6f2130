using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Scope;

/// <summary>A version of the scope (the latest by default) with its items, interfaces and the list of versions.</summary>
public sealed class GetScope(OpenIsmsDbContext db)
{
    public sealed record VersionRow
    {
        public required int Number { get; init; }

        public required ScopeStatus Status { get; init; }

        public required string? ApprovedByName { get; init; }

        public required DateTime? ApprovedAt { get; init; }

        public required string? ChangeNote { get; init; }
    }

    public sealed record View(ScopeRevision Revision, IReadOnlyList<ScopeItem> Items, IReadOnlyList<ScopeInterface> Interfaces, IReadOnlyList<VersionRow> Versions)
    {
        public bool IsLatest => Versions.Count == 0 || Versions[0].Number == Revision.Number;
    }

    public async Task<View?> Handle(int? number = null, CancellationToken ct = default)
    {
        var revisions = db.Set<ScopeRevision>().AsNoTracking();
        var revision = number is { } n
            ? await revisions.FirstOrDefaultAsync(r => r.Number == n, ct)
            : await revisions.OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (revision is null)
        {
            return null;
        }

        var items = await db.Set<ScopeItem>().AsNoTracking().Where(i => i.RevisionId == revision.Id)
            .OrderByDescending(i => i.InScope).ThenBy(i => i.Kind).ThenBy(i => i.Name).ToListAsync(ct);
        var interfaces = await db.Set<ScopeInterface>().AsNoTracking().Where(i => i.RevisionId == revision.Id)
            .OrderBy(i => i.Kind).ThenBy(i => i.Name).ToListAsync(ct);
        var versions = await revisions.OrderByDescending(r => r.Number)
            .Select(r => new VersionRow
            {
                Number = r.Number,
                Status = r.Status,
                ApprovedByName = r.ApprovedByName,
                ApprovedAt = r.ApprovedAt,
                ChangeNote = r.ChangeNote,
            }).ToListAsync(ct);
        return new View(revision, items, interfaces, versions);
    }
}
