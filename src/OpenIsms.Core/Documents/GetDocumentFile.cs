using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;

namespace OpenIsms.Core.Documents;

/// <summary>
/// A version's attached file from the evidence store, served only as it was stored (a file changed on disk is refused):
/// to someone who may read documents, or through a personal acknowledgement link that is still open.
/// </summary>
public sealed class GetDocumentFile(OpenIsmsDbContext db, IEvidenceStore store)
{
    public async Task<Result<EvidenceFiles.Opened>> Handle(Guid documentId, Guid versionId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Read))
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        return await Open(db.Set<DocumentVersion>().Where(v => v.Id == versionId && v.DocumentId == documentId), ct);
    }

    public async Task<Result<EvidenceFiles.Opened>> ByToken(string token, CancellationToken ct = default)
    {
        var hash = Acknowledgement.HashToken(token ?? "");
        var now = db.Clock.UtcNow;
        var open = db.Set<Acknowledgement>().Where(a => a.TokenHash == hash && a.State == AcknowledgementState.Pending && a.TokenExpiresAt >= now).Select(a => a.VersionId);
        return await Open(db.Set<DocumentVersion>().Where(v => open.Contains(v.Id)), ct);
    }

    private async Task<Result<EvidenceFiles.Opened>> Open(IQueryable<DocumentVersion> versions, CancellationToken ct)
    {
        var file = await versions.AsNoTracking().Select(v => new { v.FileName, v.FileContentType, v.FileSha256 }).FirstOrDefaultAsync(ct);
        if (file?.FileSha256 is null)
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        return await EvidenceFiles.OpenVerified(store, file.FileSha256, file.FileName!, file.FileContentType, "The document's file", ct);
    }
}
