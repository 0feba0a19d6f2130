using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// Puts a methodology read from a file into the draft version: the draft is started when there is none, and replaced
/// when there is. Approval stays a separate, deliberate step, as for a draft edited on the form.
/// </summary>
public sealed class ImportMethodology(OpenIsmsDbContext db, StartMethodologyVersion start, SaveMethodologyDraft save)
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

        if (!await db.Set<RiskMethodology>().AnyAsync(m => m.Status == MethodologyStatus.Draft, ct))
        {
            var started = await start.Handle(ct);
            if (!started.Succeeded)
            {
                return started;
            }
        }

        var draft = await db.Set<RiskMethodology>().AsNoTracking().SingleAsync(m => m.Status == MethodologyStatus.Draft, ct);
        var saved = await save.Handle(new(reading.Name!, reading.Definition, $"Imported from {Path.GetFileName(fileName)}.", draft.Version), ct);
        return saved.Succeeded ? draft.Number : Result<int>.From(saved);
    }
}
