using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Data.Log;

/// <summary>
/// The activity log's head — its last entry's number and hash — as a key for what a node keeps about the data. Every
/// change to any record appends to the log in the same transaction, so an unchanged head means unchanged records; the hash
/// as well as the number, because a database restored from a backup and written to again can reach the same number.
/// </summary>
public static class LogHead
{
    public static async Task<string> Of(OpenIsmsDbContext db, CancellationToken ct)
    {
        var last = await db.Set<ActivityEntry>().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? "0" : $"{last.Sequence}:{last.Hash}";
    }
}

/// <summary>
/// A whole derived view this node keeps between requests, for one day, until anything is written (ADR 30): a hint checked
/// against the database's head on every read, so several nodes stay correct without talking to each other. What it keeps
/// is never changed once built.
/// </summary>
public abstract class KeptByLogHead<T> : INodeMemory
    where T : class
{
    private readonly Lock gate = new();
    private (string Head, DateOnly Day, T Value)? entry;

    /// <summary>The view for <paramref name="today"/>, from this node's copy while nothing has been written since; else built and kept.</summary>
    protected async Task<T> Get(OpenIsmsDbContext db, DateOnly today, Func<Task<T>> build, CancellationToken ct)
    {
        var head = await LogHead.Of(db, ct);
        lock (gate)
        {
            if (entry is { } e && e.Head == head && e.Day == today)
            {
                return e.Value;
            }
        }

        var value = await build();
        lock (gate)
        {
            entry = (head, today, value);
        }

        return value;
    }

    public void Forget()
    {
        lock (gate)
        {
            entry = null;
        }
    }
}
