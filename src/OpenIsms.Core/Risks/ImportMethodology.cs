using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// Puts a methodology read from a file into the draft version: the draft is started when there is none, and replaced
/// when there is, in one save (a file that cannot be saved leaves no draft behind). Approval stays a separate,
/// deliberate step, as for a draft edited on the form.
/// </summary>
public sealed class ImportMethodology(OpenIsmsDbContext db)
{
    /// <returns>The draft's version number.</returns>
    public async Task<Result<int>> Handle(byte[] content, string fileName, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Approve))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var reading = MethodologyFile.Read(content);
        if (reading.Definition is null)
        {
            return Result<int>.From(Result.Invalid(reading.Problems.Select(p => new FieldError("File", p)).ToArray()));
        }

        var draft = await db.Set<RiskMethodology>().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Draft, ct);
        if (draft is null)
        {
            var latest = await db.Set<RiskMethodology>().AsNoTracking().OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
            draft = RiskMethodology.DraftAfter(latest);
            db.Add(draft);
        }

        var name = Path.GetFileName(fileName);
        var note = $"Imported from {(name.Length > 100 ? name[..100] + "…" : name)}.";
        var updated = draft.Update(reading.Name!, reading.Definition, note);
        if (!updated.Succeeded)
        {
            return Result<int>.From(Result.Invalid(updated.Errors.Select(e => new FieldError("File", e.Message)).ToArray()));
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? draft.Number : Result<int>.From(saved);
    }
}
