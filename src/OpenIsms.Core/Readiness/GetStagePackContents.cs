using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Reviews;

namespace OpenIsms.Core.Readiness;

/// <summary>
/// What goes into the Stage 1 pack besides the registers: every document's version in force (its text or its file),
/// every internal audit reported or closed, every management review concluded. Read in one query each, small rows only.
/// </summary>
public sealed class GetStagePackContents(OpenIsmsDbContext db)
{
    public sealed record Document
    {
        public required Guid DocumentId { get; init; }

        public required Guid VersionId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string Label { get; init; }

        public required string? Clauses { get; init; }

        /// <summary>The file the version is, when it is not written in OpenIsms.</summary>
        public required string? FileName { get; init; }

        public required string? FileSha256 { get; init; }

        public required string? FileContentType { get; init; }
    }

    public sealed record Contents(IReadOnlyList<Document> Documents, IReadOnlyList<(Guid Id, string Reference)> Audits, IReadOnlyList<(Guid Id, string Reference)> Reviews);

    public async Task<Contents?> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ReadinessPermissions.Pack))
        {
            return null;
        }

        var documents = await (from d in db.Set<ControlledDocument>().AsNoTracking()
                               join v in db.Set<DocumentVersion>() on d.CurrentVersionId equals v.Id
                               where v.State == VersionState.Current
                               orderby d.Reference
                               select new Document
                               {
                                   DocumentId = d.Id, VersionId = v.Id, Reference = d.Reference, Title = d.Title, Label = v.Major + "." + v.Minor, Clauses = d.Clauses,
                                   FileName = v.FileName, FileSha256 = v.FileSha256, FileContentType = v.FileContentType,
                               }).ToListAsync(ct);
        var audits = await db.Set<Audit>().AsNoTracking().Where(a => a.State == AuditState.Reported || a.State == AuditState.Closed)
            .OrderBy(a => a.Reference).Select(a => new { a.Id, a.Reference }).ToListAsync(ct);
        var reviews = await db.Set<ManagementReview>().AsNoTracking().Where(r => r.State == ReviewState.Concluded)
            .OrderBy(r => r.Reference).Select(r => new { r.Id, r.Reference }).ToListAsync(ct);
        return new(documents, [.. audits.Select(a => (a.Id, a.Reference))], [.. reviews.Select(r => (r.Id, r.Reference))]);
    }

    /// <summary>The activity log's head: unchanged, nothing changed at all, so the pack worker's idle round stops at this one query.</summary>
    public Task<string> LogHeadNow(CancellationToken ct = default) => Data.Log.LogHead.Of(db, ct);

    /// <summary>
    /// A cheap mark of the documents' state (how many rows and the last change of documents, versions, approvals and
    /// reviews): when it moves, a document's PDF may have to be printed again, so the pack worker warms the renditions.
    /// </summary>
    public async Task<string> Fingerprint(CancellationToken ct = default)
    {
        static async Task<string> Of<T>(IQueryable<T> rows, CancellationToken ct) where T : Common.Entity =>
            $"{await rows.CountAsync(ct)}@{await rows.MaxAsync(r => (DateTime?)r.UpdatedAt, ct):O}";

        return string.Join('|',
            await Of(db.Set<ControlledDocument>(), ct), await Of(db.Set<DocumentVersion>(), ct), await Of(db.Set<DocumentApproval>(), ct), await Of(db.Set<DocumentReview>(), ct));
    }
}
