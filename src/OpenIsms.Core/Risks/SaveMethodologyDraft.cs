using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Edits the draft methodology. An approved version is frozen.</summary>
public sealed class SaveMethodologyDraft(OpenIsmsDbContext db)
{
    public sealed record Command(string Name, MethodologyDefinition Definition, string? ChangeNote, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Approve))
        {
            return Result.Forbidden();
        }

        var draft = await db.Set<RiskMethodology>().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Draft, ct);
        if (draft is null)
        {
            return Result.Fail("There is no draft to edit. Start a new version first.");
        }

        if (db.CheckVersion(draft, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = draft.Update(c.Name ?? "", c.Definition, c.ChangeNote);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
