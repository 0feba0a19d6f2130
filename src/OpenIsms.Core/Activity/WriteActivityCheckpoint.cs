using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Activity;

/// <summary>
/// Writes a checkpoint of the log's head: on demand (the verify page, the verify-activity command, a backup) and from
/// the background at intervals when the log has grown. It signs only a head that is genuine (its keyed hash matches)
/// and not behind the newest checkpoint, so it never vouches for a log that was cut short or forged.
/// </summary>
public sealed class WriteActivityCheckpoint(OpenIsmsDbContext db, ActivityCheckpointFile file)
{
    public sealed record Outcome(ActivityCheckpoint? Checkpoint, string? Refusal);

    public async Task<Outcome> Handle(bool onlyIfGrown = false, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ActivityPermissions.Verify))
        {
            return new(null, "You do not have permission to do this.");
        }

        var head = await db.Set<ActivityEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return new(null, "The activity log is empty: there is nothing to anchor yet.");
        }

        var latest = await file.Latest(ct);
        if (latest is not null && head.Sequence < latest.Sequence)
        {
            return new(null, $"The log ends at entry {head.Sequence}, before the newest checkpoint (entry {latest.Sequence}): entries were removed, or an older copy of the database was restored.");
        }

        if (onlyIfGrown && latest is not null && head.Sequence == latest.Sequence)
        {
            return new(latest, null);
        }

        var key = db.ActivityKeys.Find(head.KeyId);
        if (key is null || ActivityHash.Compute(head, key) != head.Hash)
        {
            return new(null, $"Entry {head.Sequence}, the newest, does not match its keyed hash: verify the log before anchoring it.");
        }

        return new(await file.Append(head.Sequence, head.Hash, ActivityRecorder.Truncate(db.Clock.UtcNow), ct), null);
    }
}
