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
        if (!db.CurrentUser.Has(EvidencePermissions.Read))
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

        db.RecordEvent(Data.Log.AuditNames.Of<Evidence>(), id, Downloaded, new { file.FileName, file.Sha256, Via = via });
        await db.SaveChangesAsync(ct);
        return new Opened(content, file.FileName!, file.ContentType!, file.Sha256);
    }

    /// <summary>
    /// A file another record keeps in the store (a document's, a certificate's scan), served only while its SHA-256 still
    /// matches the one recorded when it was attached. <paramref name="what"/> names it in the message ("The document's file").
    /// </summary>
    public static async Task<Result<Opened>> OpenVerified(IEvidenceStore store, string sha256, string fileName, string? contentType, string what, CancellationToken ct)
    {
        var actual = await store.Rehash(sha256, ct);
        if (actual != sha256 || store.Open(sha256) is not { } content)
        {
            return Result<Opened>.From(Result.Fail(actual is null
                ? $"{what} is missing from the store. Restore it from a backup."
                : $"{what} no longer matches the SHA-256 hash recorded when it was attached, so it is not served. Restore it from a backup."));
        }

        return new Opened(content, fileName, contentType ?? "application/octet-stream", sha256);
    }
}
