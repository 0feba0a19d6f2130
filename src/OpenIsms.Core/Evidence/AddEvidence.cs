using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>
/// Adds a file, a link or a note as evidence of a control operating — or, with a task, completes that run of a
/// recurring control and opens the next. A file is streamed into the store (its size limited, its type checked by
/// content) before anything is saved; a refused file leaves nothing behind.
/// </summary>
public sealed class AddEvidence(OpenIsmsDbContext db, IEvidenceStore store, EvidenceStoreOptions options)
{
    public sealed record Upload(string FileName, Stream Content);

    /// <summary>The evidence to add to a control: a file, a link or a note, with its title and dates; with a task, the run it completes.</summary>
    public sealed class Command
    {
        public Guid ControlId { get; set; }

        public EvidenceKind Kind { get; set; }

        public required Evidence.Details Details { get; set; }

        /// <summary>The address of a link.</summary>
        public string? Url { get; set; }

        /// <summary>The file's name and content, streamed into the store.</summary>
        public Upload? File { get; set; }

        /// <summary>The run of a recurring control this evidence completes.</summary>
        public Guid? TaskId { get; set; }

        public string? TaskNote { get; set; }
    }

    public long MaxFileBytes => options.MaxFileBytes;

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(EvidencePermissions.Add) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var control = await db.Set<Control>().FirstOrDefaultAsync(x => x.Id == c.ControlId, ct);
        if (control is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        ControlTask? task = null;
        if (c.TaskId is { } taskId)
        {
            task = await db.Set<ControlTask>().FirstOrDefaultAsync(t => t.Id == taskId && t.ControlId == control.Id, ct);
            if (task is null)
            {
                return Result<Guid>.From(Result.NotFound());
            }
        }

        var errors = new List<FieldError>();
        using var write = c.Kind == EvidenceKind.File ? await EvidenceUpload.Store(store, options, c.File, errors, ct) : null;
        var details = c.Details with { ValidUntil = c.Details.ValidUntil ?? ControlSchedule.EvidenceValidUntil(control.Frequency, c.Details.CollectedOn) };
        var file = write is { TooLarge: false } && errors.Count == 0
            ? new StoredFile(c.File!.FileName, EvidenceFileTypes.Check(c.File.FileName, write.Head).ContentType!, write.Size, write.Sha256)
            : null;
        var created = Evidence.Create(c.Kind, details, userId, task?.Id, c.Url, file, control.Id);
        if (task is not null && task.Complete(userId, c.TaskNote, db.Clock.UtcNow) is { Succeeded: false } done)
        {
            errors.AddRange(done.Errors);
        }

        if (!created.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. created.Errors, .. errors]));
        }

        var evidence = created.Value!;
        db.Add(evidence);
        db.Add(new EvidenceControl { EvidenceId = evidence.Id, ControlId = control.Id });
        if (task is not null)
        {
            ControlTaskSchedule.OpenNext(db, control, task);
        }

        write?.Commit();
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? evidence.Id : Result<Guid>.From(saved);
    }
}

/// <summary>
/// A file streamed into the evidence store and checked as evidence is: its name, its size, its type by content and what
/// lies past its first bytes. Anything else that keeps files in the store (a document's file) checks them the same way.
/// </summary>
public static class EvidenceUpload
{
    /// <summary>The written file (to commit with the save, or dispose), with any reason it is refused added to <paramref name="errors"/> under "File".</summary>
    public static async Task<BlobWrite?> Store(IEvidenceStore store, EvidenceStoreOptions options, AddEvidence.Upload? upload, List<FieldError> errors, CancellationToken ct)
    {
        if (upload is null)
        {
            errors.Add(new FieldError("File", "Choose the file to upload."));
            return null;
        }

        if (EvidenceFileTypes.CheckName(upload.FileName) is { } nameError)
        {
            errors.Add(new FieldError("File", nameError));
            return null;
        }

        var write = await store.Write(upload.Content, options.MaxFileBytes, ct);
        if (write.TooLarge)
        {
            errors.Add(new FieldError("File", $"The file is larger than the limit of {options.MaxFileBytes / (1024 * 1024)} MB. Upload a smaller file, or link to where it is kept."));
        }
        else if (EvidenceFileTypes.Check(upload.FileName, write.Head).Error is { } typeError)
        {
            errors.Add(new FieldError("File", typeError));
        }
        else
        {
            // Past the first bytes: markup in text, data after an image's end, JavaScript in a PDF, bombs and programs in archives.
            await using var whole = write.OpenRead();
            if (EvidenceFileInspection.Inspect(upload.FileName, whole) is { } danger)
            {
                errors.Add(new FieldError("File", danger));
            }
        }

        return write;
    }
}
