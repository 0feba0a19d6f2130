using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Activity;

/// <summary>
/// Proves the activity log to someone who distrusts whoever holds the database (docs/adr/0012): re-computes every
/// entry's keyed hash in order and each link to the one before, streaming the log so memory does not grow with it;
/// checks that the log still reaches every signed checkpoint kept outside the database (cut-off tails and restored
/// older copies); and reconciles every business record with the state its last entry recorded (rows edited, added or
/// deleted behind the app's back).
/// </summary>
public sealed class VerifyActivityChain(OpenIsmsDbContext db, ActivityCheckpointFile checkpoints, ReconcileRecords reconcile)
{
    public enum ProblemKind
    {
        Entry,
        Checkpoint,
        Record,
    }

    /// <param name="Where">"Entry 12", "Checkpoint of 2 Dec 2026 10:14" or "Risk 0193…".</param>
    public sealed record Problem(ProblemKind Kind, string Where, string Reason, long? Sequence = null);

    public sealed record Report
    {
        public required long Checked { get; init; }

        public required long LastSequence { get; init; }

        public required string LastHash { get; init; }

        public required int Checkpoints { get; init; }

        public required ActivityCheckpoint? LatestCheckpoint { get; init; }

        public required long Records { get; init; }

        public required IReadOnlyList<Problem> Problems { get; init; }

        public bool Intact => Problems.Count == 0;
    }

    public async Task<Report?> Handle(int maxProblems = 100, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ActivityPermissions.Verify))
        {
            return null;
        }

        var problems = new List<Problem>();
        var (anchors, genuine, latest) = await ReadCheckpoints(problems, ct);
        long expected = 1, count = 0;
        var previousHash = ActivityHash.Genesis;
        var keyed = false;
        await foreach (var entry in db.Set<ActivityEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            void Broken(string reason) => problems.Add(new(ProblemKind.Entry, $"Entry {entry.Sequence}", reason, entry.Sequence));
            if (entry.Sequence != expected)
            {
                Broken(entry.Sequence == expected + 1 ? $"Entry {expected} is missing." : $"Entries {expected} to {entry.Sequence - 1} are missing.");
            }

            if (entry.PreviousHash != previousHash)
            {
                Broken("Does not link to the entry before it: an entry was removed, moved or altered.");
            }

            if (entry.KeyId.Length == 0)
            {
                if (keyed)
                {
                    Broken("It carries no key, yet keyed entries come before it: OpenIsms did not write it.");
                }
                else if (ActivityHash.Compute(entry) != entry.Hash)
                {
                    Broken("Its content does not match its hash: the entry was altered after it was written.");
                }
            }
            else
            {
                keyed = true;
                var key = db.ActivityKeys.Find(entry.KeyId);
                if (key is null)
                {
                    Broken($"It was written with key {entry.KeyId}, which the key file does not hold: the key file was replaced, or the entry forged.");
                }
                else if (ActivityHash.Compute(entry, key) != entry.Hash)
                {
                    Broken("Its content does not match its keyed hash: the entry was altered or forged after it was written.");
                }
            }

            if (anchors.Remove(entry.Sequence, out var anchor) && anchor.Hash != entry.Hash)
            {
                problems.Add(new(ProblemKind.Checkpoint, $"Checkpoint of {anchor.At:d MMM yyyy HH:mm} UTC",
                    $"It vouches for entry {entry.Sequence} with another hash than the log holds: the log was rewritten from there, or an older copy of the database restored.", entry.Sequence));
            }

            if (problems.Count >= maxProblems)
            {
                break;
            }

            expected = entry.Sequence + 1;
            previousHash = entry.Hash;
        }

        var last = expected - 1;
        if (problems.Count < maxProblems && anchors.Values.Where(a => a.Sequence > last).MaxBy(a => a.Sequence) is { } beyond)
        {
            problems.Add(new(ProblemKind.Checkpoint, $"Checkpoint of {beyond.At:d MMM yyyy HH:mm} UTC",
                $"It vouches for entry {beyond.Sequence}, but the log ends at entry {last}: entries were removed from its end, or an older copy of the database was restored.", beyond.Sequence));
        }

        foreach (var gone in anchors.Values.Where(a => a.Sequence <= last).OrderBy(a => a.Sequence).Take(Math.Max(0, maxProblems - problems.Count)))
        {
            problems.Add(new(ProblemKind.Checkpoint, $"Checkpoint of {gone.At:d MMM yyyy HH:mm} UTC", $"It vouches for entry {gone.Sequence}, which the log no longer holds.", gone.Sequence));
        }

        var records = problems.Count < maxProblems ? await reconcile.Handle(problems, maxProblems, ct) : 0;
        return new Report
        {
            Checked = count,
            LastSequence = last,
            LastHash = previousHash,
            Checkpoints = genuine,
            LatestCheckpoint = latest,
            Records = records,
            Problems = problems,
        };
    }

    /// <summary>The genuine checkpoints by the entry they vouch for; a forged or unreadable line is a problem of its own.</summary>
    private async Task<(Dictionary<long, ActivityCheckpoint> Anchors, int Genuine, ActivityCheckpoint? Latest)> ReadCheckpoints(List<Problem> problems, CancellationToken ct)
    {
        var anchors = new Dictionary<long, ActivityCheckpoint>();
        var genuine = 0;
        ActivityCheckpoint? latest = null;
        await foreach (var (line, checkpoint) in checkpoints.Read(ct))
        {
            if (checkpoint is null || !checkpoints.IsGenuine(checkpoint))
            {
                problems.Add(new(ProblemKind.Checkpoint, $"Line {line} of the checkpoint file",
                    checkpoint is null ? "It cannot be read." : "Its signature does not match its content or any key in the key file: it was altered or forged."));
                continue;
            }

            genuine++;
            if (latest is null || checkpoint.Sequence >= latest.Sequence)
            {
                latest = checkpoint;
            }

            if (anchors.TryGetValue(checkpoint.Sequence, out var other) && other.Hash != checkpoint.Hash)
            {
                problems.Add(new(ProblemKind.Checkpoint, $"Line {line} of the checkpoint file",
                    $"Two checkpoints name different hashes for entry {checkpoint.Sequence}: the log was rolled back and written again."));
            }

            anchors[checkpoint.Sequence] = checkpoint;
        }

        return (anchors, genuine, latest);
    }
}
