using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>Opens a stored evidence file for someone allowed to read evidence, and records the download in the activity log.</summary>
public sealed class EvidenceFiles(OpenIsmsDbContext db, IEvidenceStore store)
{
    public const string Downloaded = "Downloaded";

    public sealed record Opened(Stream Content, string FileName, string ContentType, string Sha256);

    public async Task<Result<Opened>> Handle(Guid id, string via, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.EvidenceRead))
        {
            // A role without access learns nothing about whether the file exists.
            return Result<Opened>.From(Result.NotFound());
        }

        var file = await db.Set<Evidence>().AsNoTracking().Where(e => e.Id == id && e.Kind == EvidenceKind.File)
            .Select(e => new { e.FileName, e.ContentType, e.Sha256 }).FirstOrDefaultAsync(ct);
        if (file?.Sha256 is null)
        {
            return Result<Opened>.From(Result.NotFound());
        }

        // Served only as it was stored: a file changed on disk since is refused, not handed to an auditor as evidence.
        var actual = await store.Rehash(file.Sha256, ct);
        if (actual != file.Sha256 || store.Open(file.Sha256) is not { } content)
        {
            return Result<Opened>.From(Result.Fail(actual is null
                ? "The stored file is missing from the evidence store. Restore it from a backup; the integrity check lists every missing file."
                : "The stored file no longer matches the SHA-256 hash recorded when it was uploaded: it was changed or damaged on disk, so it is not served. Restore it from a backup; the integrity check lists every such file."));
        }

        db.RecordEvent(Activity.AuditNames.Of<Evidence>(), id, Downloaded, new { file.FileName, file.Sha256, Via = via });
        await db.SaveChangesAsync(ct);
        return new Opened(content, file.FileName!, file.ContentType!, file.Sha256);
    }
}

/// <summary>
/// Re-hashes every stored evidence file and reports each whose content no longer matches the hash recorded when it was
/// uploaded, or that is missing. The check itself is recorded in the activity log.
/// </summary>
public sealed class CheckEvidenceIntegrity(OpenIsmsDbContext db, IEvidenceStore store)
{
    public const string Checked = "IntegrityChecked";

    public sealed record Problem(Guid EvidenceId, string Title, string? FileName, string Expected, string? Actual);

    public sealed record Report(int FilesChecked, int Items, IReadOnlyList<Problem> Problems, DateTime At);

    public async Task<Result<Report>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.ActivityVerify))
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
            .Select(e => new Problem(e.Id, e.Title, e.FileName, e.Sha256!, bad[e.Sha256!])).ToList();
        var items = await db.Set<Evidence>().CountAsync(e => e.Sha256 != null, ct);
        var at = db.Clock.UtcNow;
        db.RecordEvent("EvidenceStore", Guid.Empty, Checked, new { FilesChecked = files, Items = items, Mismatches = problems.Count, Evidence = problems.Select(p => p.EvidenceId) });
        await db.SaveChangesAsync(ct);
        return new Report(files, items, problems, at);
    }
}
