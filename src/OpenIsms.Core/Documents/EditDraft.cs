using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;

namespace OpenIsms.Core.Documents;

/// <summary>
/// Writes a draft: its Markdown text, its change summary, whether a minor version asks for acknowledgement again, and
/// optionally a file (checked and kept in the evidence store as evidence is). A frozen version is refused.
/// </summary>
public sealed class EditDraft(OpenIsmsDbContext db, IEvidenceStore store, EvidenceStoreOptions options)
{
    public sealed class Command
    {
        public Guid VersionId { get; set; }

        public string? Content { get; set; }

        public string? ChangeSummary { get; set; }

        public bool AskAcknowledgement { get; set; }

        public AddEvidence.Upload? File { get; set; }

        public bool RemoveFile { get; set; }

        public int Version { get; set; }
    }

    public long MaxFileBytes => options.MaxFileBytes;

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var (version, failure) = await db.LoadForChange<DocumentVersion>(c.VersionId, c.Version, DocumentPermissions.Edit, ct: ct);
        if (version is null)
        {
            return failure!;
        }

        var result = version.Edit(c.Content, c.ChangeSummary, c.AskAcknowledgement);
        if (!result.Succeeded)
        {
            return result;
        }

        var errors = new List<FieldError>();
        using var write = c.File is null ? null : await EvidenceUpload.Store(store, options, c.File, errors, ct);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        if (c.RemoveFile)
        {
            version.RemoveFile();
        }

        if (write is not null)
        {
            version.AttachFile(Path.GetFileName(c.File!.FileName), EvidenceFileTypes.Check(c.File.FileName, write.Head).ContentType!, write.Size, write.Sha256);
            write.Commit();
        }

        return await db.SaveAsync(ct);
    }
}

/// <summary>Starts the next version of an approved document, minor (1.1) or major (2.0), from the current one's content.</summary>
public sealed class StartVersion(OpenIsmsDbContext db)
{
    public async Task<Result<Guid>> Handle(Guid documentId, bool major, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Edit) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var document = await db.Set<ControlledDocument>().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var versions = await db.Set<DocumentVersion>().Where(v => v.DocumentId == documentId).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.State is VersionState.Draft or VersionState.InApproval) is { } open)
        {
            return Result<Guid>.From(Result.Fail($"Version {open.Label} is still {(open.State == VersionState.Draft ? "a draft" : "waiting for approval")}: finish it before starting another."));
        }

        var current = versions.FirstOrDefault(v => v.State == VersionState.Current);
        if (current is null)
        {
            return Result<Guid>.From(Result.Fail("The document has no approved version to start from."));
        }

        var next = DocumentVersion.After(current, major, userId);
        db.Add(next);
        document.Track(next);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? next.Id : Result<Guid>.From(saved);
    }
}
