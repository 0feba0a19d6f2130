using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Imports;

/// <summary>Keeps an upload for the next steps; only its uploader can use it.</summary>
public sealed class ImportUploads(OpenIsmsDbContext db)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    // The last file read in this request: the wizard shows the table and the importer then checks it, from one reading.
    private (Guid Id, string Kind, TableLayout? Layout, ImportUpload? Upload, Table? Table, string? Error)? last;

    public async Task<Result<Guid>> Handle(string kind, string fileName, byte[] content, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var (_, error) = TableFile.Read(content, fileName);
        if (error is not null)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("File", error)));
        }

        var now = db.Clock.UtcNow;
        await db.Set<ImportUpload>().Where(u => u.CreatedAt < now - KeptFor).ExecuteDeleteAsync(ct);
        var upload = new ImportUpload { Kind = kind, FileName = Path.GetFileName(fileName), Content = content, UserId = userId, CreatedAt = now };
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    /// <summary>The upload and its table as laid out (the sheet and header row the person chose, or those found); the error when that layout cannot be read.</summary>
    public async Task<(ImportUpload? Upload, Table? Table, string? Error)> Load(Guid id, string kind, TableLayout? layout = null, CancellationToken ct = default)
    {
        if (last is { } read && read.Id == id && read.Kind == kind && read.Layout == layout)
        {
            return (read.Upload, read.Table, read.Error);
        }

        var upload = await db.Set<ImportUpload>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Kind == kind && u.UserId == db.CurrentUser.UserId, ct);
        if (upload is null)
        {
            return (null, null, null);
        }

        var (table, error) = TableFile.Read(upload.Content, upload.FileName, layout);
        if (table is null && layout is not null && layout != new TableLayout())
        {
            // A sheet or header row that does not hold a table: say why, and show the file as found.
            (table, _) = TableFile.Read(upload.Content, upload.FileName);
        }

        last = (id, kind, layout, upload, table, error);
        return (upload, table, error);
    }

    /// <summary>
    /// The start every import shares: the permission, the file as laid out, and the columns that must be mapped. Either
    /// the upload and its table, or the report that ends the import there.
    /// </summary>
    public async Task<(ImportUpload? Upload, Table? Table, ImportReport? Stop)> Open(Guid id, string kind, string permission, string refusal, ImportMapping mapping,
        Func<IReadOnlyDictionary<string, int>, bool> mapped, string unmapped, CancellationToken ct)
    {
        if (!db.CurrentUser.Has(permission))
        {
            return (null, null, ImportReport.Refused(refusal));
        }

        var (upload, table, unreadable) = await Load(id, kind, mapping.Layout, ct);
        if (upload is null || table is null)
        {
            return (null, null, ImportReport.FileGone());
        }

        if (unreadable is not null)
        {
            return (null, null, ImportReport.Refused(unreadable));
        }

        return mapped(mapping.Columns) ? (upload, table, null) : (null, null, ImportReport.Unmapped(table, unmapped));
    }

    public Task Forget(Guid id, CancellationToken ct = default)
    {
        last = null;
        return db.Set<ImportUpload>().Where(u => u.Id == id).ExecuteDeleteAsync(ct);
    }
}
