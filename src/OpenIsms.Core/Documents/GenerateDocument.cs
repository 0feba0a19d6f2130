using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>
/// Adds a mandatory document to the register with a first draft generated from its source, or — for one already in the
/// register — puts a newly generated text into its draft (starting the next minor version if none is open). The draft
/// is then read, completed and approved like any other.
/// </summary>
public sealed class GenerateDocument(OpenIsmsDbContext db, DocumentSources sources)
{
    public async Task<Result<Guid>> Handle(DocumentSource source, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Edit) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        if (await db.Set<ControlledDocument>().Where(d => d.Source == source).Select(d => new { d.Reference, d.Title }).FirstOrDefaultAsync(ct) is { } existing)
        {
            return Result<Guid>.From(Result.Fail($"{existing.Reference} {existing.Title} is already generated from this source: open it to draft a new version."));
        }

        var generated = await sources.Handle(source, ct);
        if (!generated.Succeeded)
        {
            return Result<Guid>.From(generated);
        }

        var document = ControlledDocument.GeneratedFrom(source, generated.Value!, userId);
        document.NumberAutomatically();
        db.Add(document);
        var draft = DocumentVersion.FirstDraft(document.Id, userId);
        draft.Regenerate(generated.Value!);
        db.Add(draft);
        document.Track(draft);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? document.Id : Result<Guid>.From(saved);
    }

    /// <summary>A new draft from the source as it is now: into the open draft, or as the next minor version.</summary>
    public async Task<Result<Guid>> Refresh(Guid documentId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Edit) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var document = await db.Set<ControlledDocument>().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || document.Source == DocumentSource.None)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var generated = await sources.Handle(document.Source, ct);
        if (!generated.Succeeded)
        {
            return Result<Guid>.From(generated);
        }

        var versions = await db.Set<DocumentVersion>().Where(v => v.DocumentId == documentId).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.State == VersionState.InApproval) is { } waiting)
        {
            return Result<Guid>.From(Result.Fail($"Version {waiting.Label} is waiting for approval: decide it (or have it rejected) before drafting another."));
        }

        var draft = versions.FirstOrDefault(v => v.State == VersionState.Draft);
        if (draft is null)
        {
            var current = versions.First(v => v.State == VersionState.Current);
            draft = DocumentVersion.After(current, major: false, userId);
            db.Add(draft);
        }

        var result = draft.Regenerate(generated.Value!);
        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        document.Track(draft);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? draft.Id : Result<Guid>.From(saved);
    }
}
