using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Scope;

/// <summary>Finds the draft version that edits apply to; an approved scope must be revised explicitly first.</summary>
internal static class ScopeDraft
{
    public static Task<ScopeRevision?> Latest(OpenIsmsDbContext db, CancellationToken ct) =>
        db.Set<ScopeRevision>().OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    public static async Task<(ScopeRevision? Draft, Result? Failure)> Require(OpenIsmsDbContext db, CancellationToken ct)
    {
        var latest = await Latest(db, ct);
        if (latest is null)
        {
            return (null, Result.Fail("Write the scope statement first."));
        }

        return latest.IsDraft
            ? (latest, null)
            : (null, Result.Fail($"Version {latest.Number} of the scope is approved and frozen. Start a new version to change it."));
    }
}
