using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Competences;

/// <summary>
/// Records evidence of a person's competence, optionally with its file (a scanned certificate), checked and kept as evidence
/// files are: the same type, size and content checks, content-addressed by SHA-256.
/// </summary>
public sealed class AddCompetenceEvidence(OpenIsmsDbContext db, IEvidenceStore store, EvidenceStoreOptions options)
{
    public sealed class Command
    {
        public Guid? CompetenceId { get; set; }

        public EvidenceOfCompetence Kind { get; set; }

        public Proficiency? Level { get; set; }

        public string? Description { get; set; }

        public string? Issuer { get; set; }

        public DateOnly? ObtainedOn { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        /// <summary>The certificate has no expiry date (asked, so a forgotten date is not read as "never expires").</summary>
        public bool NoExpiry { get; set; }

        public AddEvidence.Upload? File { get; set; }
    }

    public long MaxFileBytes => options.MaxFileBytes;

    public async Task<Result<Guid>> Handle(Guid personId, Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(CompetencePermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var competence = c.CompetenceId is { } id ? await db.Set<Competence>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        if (competence is null)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(nameof(Command.CompetenceId), "Choose the competence from the list.")));
        }

        var created = CompetenceEvidence.Create(person, competence, c, await db.Clock.Today(ct), db.CurrentUser.DisplayName);
        var errors = created.Succeeded ? [] : created.Errors.ToList();
        using var write = c.File is null ? null : await EvidenceUpload.Store(store, options, c.File, errors, ct);
        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        var evidence = created.Value!;
        if (write is not null)
        {
            evidence.AttachFile(Path.GetFileName(c.File!.FileName), EvidenceFileTypes.Check(c.File.FileName, write.Head).ContentType!, write.Size, write.Sha256);
            write.Commit();
        }

        db.Add(evidence);
        var result = await db.SaveAsync(ct);
        return result.Succeeded ? evidence.Id : Result<Guid>.From(result);
    }
}

/// <summary>Removes evidence recorded by mistake (the activity log keeps what it was).</summary>
public sealed class DeleteCompetenceEvidence(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<CompetenceEvidence>(id, version, CompetencePermissions.Edit, ct);
}

/// <summary>The file of a piece of competence evidence, served only as it was stored (a file changed on disk is refused).</summary>
public sealed class GetCompetenceEvidenceFile(OpenIsmsDbContext db, IEvidenceStore store)
{
    public async Task<Result<EvidenceFiles.Opened>> Handle(Guid evidenceId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(CompetencePermissions.Read))
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        var file = await db.Set<CompetenceEvidence>().AsNoTracking().Where(e => e.Id == evidenceId)
            .Select(e => new { e.FileName, e.FileContentType, e.FileSha256 }).FirstOrDefaultAsync(ct);
        if (file?.FileSha256 is null)
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        return await EvidenceFiles.OpenVerified(store, file.FileSha256, file.FileName!, file.FileContentType, "The file", ct);
    }
}
