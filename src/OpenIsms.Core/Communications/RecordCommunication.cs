using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;

namespace OpenIsms.Core.Communications;

/// <summary>
/// Records that a planned communication happened — the day, and what shows it: a link, a file (checked and kept as
/// evidence files are) or a note — and moves its next date on. Refused for a stopped communication, a day in the future,
/// or a record with nothing to show for it.
/// </summary>
public sealed class RecordCommunication(OpenIsmsDbContext db, IEvidenceStore store, EvidenceStoreOptions options)
{
    public sealed class Command
    {
        public DateOnly? HappenedOn { get; set; }

        public string? Note { get; set; }

        public string? Link { get; set; }

        public AddEvidence.Upload? File { get; set; }

        /// <summary>The communication's version as the form showed it: a record added meanwhile is a conflict, not a duplicate.</summary>
        public int Version { get; set; }
    }

    public long MaxFileBytes => options.MaxFileBytes;

    /// <summary>The communication's version now, for a script that records without reading it first.</summary>
    public async Task<int?> CurrentVersion(Guid itemId, CancellationToken ct = default) =>
        await db.Set<CommunicationItem>().Where(c => c.Id == itemId).Select(c => (int?)c.Version).FirstOrDefaultAsync(ct);

    public async Task<Result<Guid>> Handle(Guid itemId, Command c, CancellationToken ct = default)
    {
        var (item, failure) = await db.LoadForChange<CommunicationItem>(itemId, c.Version, CommunicationPermissions.Edit, ct: ct);
        if (item is null)
        {
            return Result<Guid>.From(failure!);
        }

        var today = await db.Clock.Today(ct);
        var errors = new List<FieldError>();
        if (item.Stopped)
        {
            errors.Add(new FieldError("", "This communication is no longer planned and takes no more records. Its history stays as it is."));
        }

        if (c.HappenedOn is not { } day)
        {
            errors.Add(new FieldError(nameof(Command.HappenedOn), "Enter the date it happened."));
        }
        else if (day > today)
        {
            errors.Add(new FieldError(nameof(Command.HappenedOn), "The date cannot be in the future: record it once it has happened."));
        }

        var link = Text.OrNull(c.Link);
        if (link is not null && (link.Length > 2000 || !Text.IsWebAddress(link)))
        {
            errors.Add(new FieldError(nameof(Command.Link), "Enter a web address starting with https:// or http://."));
        }

        if (c.Note?.Length > Limits.ShortText)
        {
            errors.Add(new FieldError(nameof(Command.Note), $"The note is longer than {Limits.ShortText} characters."));
        }

        if (link is null && c.File is null && string.IsNullOrWhiteSpace(c.Note))
        {
            errors.Add(new FieldError(nameof(Command.Link), "Say what shows it happened: a link, a file or a note (for example, the meeting's minutes)."));
        }

        using var write = c.File is null ? null : await EvidenceUpload.Store(store, options, c.File, errors, ct);
        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        var record = CommunicationRecord.Create(item.Id, c.HappenedOn!.Value, c.Note, link, db.CurrentUser.DisplayName);
        if (write is not null)
        {
            record.AttachFile(Path.GetFileName(c.File!.FileName), EvidenceFileTypes.Check(c.File.FileName, write.Head).ContentType!, write.Size, write.Sha256);
            write.Commit(); // stored before the record that names it; a file no record names is harmless
        }

        db.Add(record);
        item.Happened(record.HappenedOn);
        db.Entry(item).State = EntityState.Modified; // the item's version moves even when its date does not: another open form is stale
        var result = await db.SaveAsync(ct);
        return result.Succeeded ? record.Id : Result<Guid>.From(result);
    }
}

/// <summary>Removes a record added by mistake (the activity log keeps what it was); the next date is not moved back — edit it if need be.</summary>
public sealed class DeleteCommunicationRecord(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<CommunicationRecord>(id, version, CommunicationPermissions.Edit, ct);
}

/// <summary>The file kept with a communication record, served only as it was stored.</summary>
public sealed class GetCommunicationFile(OpenIsmsDbContext db, IEvidenceStore store)
{
    public async Task<Result<EvidenceFiles.Opened>> Handle(Guid recordId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(CommunicationPermissions.Read))
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        var file = await db.Set<CommunicationRecord>().AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.FileName, r.FileContentType, r.FileSha256 }).FirstOrDefaultAsync(ct);
        return file?.FileSha256 is null
            ? Result<EvidenceFiles.Opened>.From(Result.NotFound())
            : await EvidenceFiles.OpenVerified(store, file.FileSha256, file.FileName!, file.FileContentType, "The file", ct);
    }
}
