using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>
/// Re-hashes every stored evidence file and reports each whose content no longer matches the hash recorded when it was
/// uploaded, or that is missing. The check itself is recorded in the activity log.
/// </summary>
public sealed class CheckEvidenceIntegrity(OpenIsmsDbContext db, IEvidenceStore store)
{
    public const string Checked = "IntegrityChecked";

    public sealed record Problem
    {
        public required Guid EvidenceId { get; init; }

        public required string Title { get; init; }

        public required string? FileName { get; init; }

        public required string Expected { get; init; }

        public required string? Actual { get; init; }
    }

    public sealed record Report(int FilesChecked, int Items, IReadOnlyList<Problem> Problems, DateTime At);

    public async Task<Result<Report>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ActivityPermissions.Verify))
        {
            return Result<Report>.From(Result.Forbidden());
        }

        // The stored hashes a thousand at a time, in order (the Sha256 index), so memory stays flat at any size.
        var bad = new Dictionary<string, string?>(StringComparer.Ordinal);
        var files = 0;
        var after = "";
        while (true)
        {
            var from = after;
            var hashes = await db.Set<Evidence>().AsNoTracking().Where(e => e.Sha256 != null && string.Compare(e.Sha256, from) > 0)
                .Select(e => e.Sha256!).Distinct().OrderBy(h => h).Take(1000).ToListAsync(ct);
            if (hashes.Count == 0)
            {
                break;
            }

            foreach (var hash in hashes)
            {
                var actual = await store.Rehash(hash, ct);
                if (actual != hash)
                {
                    bad[hash] = actual;
                }
            }

            files += hashes.Count;
            after = hashes[^1];
        }

        var keys = bad.Keys.ToList();
        var problems = (await db.Set<Evidence>().AsNoTracking().Where(e => keys.Contains(e.Sha256!))
                .OrderBy(e => e.CollectedOn).Select(e => new { e.Id, e.Title, e.FileName, e.Sha256 }).ToListAsync(ct))
            .Select(e => new Problem { EvidenceId = e.Id, Title = e.Title, FileName = e.FileName, Expected = e.Sha256!, Actual = bad[e.Sha256!] }).ToList();
        var items = await db.Set<Evidence>().CountAsync(e => e.Sha256 != null, ct);
        var at = db.Clock.UtcNow;
        db.RecordEvent("EvidenceStore", Guid.Empty, Checked, new { FilesChecked = files, Items = items, Mismatches = problems.Count, Evidence = problems.Select(p => p.EvidenceId) });
        await db.SaveChangesAsync(ct);
        return new Report(files, items, problems, at);
    }
}
