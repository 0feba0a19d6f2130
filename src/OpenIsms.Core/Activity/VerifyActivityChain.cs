using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Activity;

/// <summary>
/// Re-computes every entry's hash in order and checks each link to the one before, streaming the log
/// so memory does not grow with its length. An edited entry fails its own hash; a deleted one breaks the
/// sequence or the next entry's link. (Removing the newest entries is only visible against a copy of the
/// last verified head, which the result reports so that it can be written down.)
/// </summary>
public sealed class VerifyActivityChain(OpenIsmsDbContext db)
{
    public sealed record Problem(long Sequence, string Reason);

    public sealed record Report(long Checked, long LastSequence, string LastHash, IReadOnlyList<Problem> Problems)
    {
        public bool Intact => Problems.Count == 0;
    }

    public async Task<Report> Handle(int maxProblems = 100, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        long expected = 1, count = 0;
        var previousHash = ActivityHash.Genesis;
        await foreach (var entry in db.Set<ActivityEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected)
            {
                problems.Add(new(entry.Sequence, $"Entries {expected} to {entry.Sequence - 1} are missing."));
            }

            if (entry.PreviousHash != previousHash)
            {
                problems.Add(new(entry.Sequence, "Does not link to the entry before it: an entry was removed or altered."));
            }

            if (ActivityHash.Compute(entry) != entry.Hash)
            {
                problems.Add(new(entry.Sequence, "Its content does not match its hash: the entry was altered after it was written."));
            }

            if (problems.Count >= maxProblems)
            {
                break;
            }

            expected = entry.Sequence + 1;
            previousHash = entry.Hash;
        }

        return new Report(count, expected - 1, previousHash, problems);
    }
}
