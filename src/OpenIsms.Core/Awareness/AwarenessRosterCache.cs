using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// This node's copy of the whole awareness roster (everyone in every training's audience, with due dates and status), with
/// the activity-log position and the day it was computed for. A hint, never the truth: every read compares both with the
/// database's, so several nodes stay correct without talking to each other (as <see cref="Soa.SoaSummaryCache"/>).
/// The entries are never changed once built: readers filter them into new lists.
/// </summary>
public sealed class AwarenessRosterCache : INodeMemory
{
    private readonly Lock gate = new();
    private (string Head, DateOnly Day, IReadOnlyList<AwarenessRoster.Entry> Entries)? entry;

    /// <summary>The whole roster for <paramref name="today"/>, from this node's copy while nothing has been written since.</summary>
    internal async Task<IReadOnlyList<AwarenessRoster.Entry>> Everyone(OpenIsmsDbContext db, DateOnly today, CancellationToken ct)
    {
        // Every change to any record appends to the activity log in the same transaction, so an unchanged head (its number
        // and hash: a restored database written to again can reach the same number) means unchanged trainings, people and completions.
        var head = await Data.Log.LogHead.Of(db, ct);
        lock (gate)
        {
            if (entry is { } e && e.Head == head && e.Day == today)
            {
                return e.Entries;
            }
        }

        var entries = await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope(), ct);
        lock (gate)
        {
            entry = (head, today, entries);
        }

        return entries;
    }

    public void Forget()
    {
        lock (gate)
        {
            entry = null;
        }
    }
}
