using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Users;
using static OpenIsms.Core.Activity.VerifyActivityChain;

namespace OpenIsms.Core.Activity;

/// <summary>
/// Each business record's present state against the state its last activity entry recorded (<see cref="ActivityEntry.StateHash"/>,
/// itself covered by the keyed chain): a row edited, added or deleted in the database behind the app's back is found.
/// Rows are streamed one type at a time; the log is read as the last state entry of each record of that type.
/// Role assignments, which have no state of their own, are replayed from their entries.
/// </summary>
public sealed class ReconcileRecords(OpenIsmsDbContext db, ActivityCheckpointFile checkpoints)
{
    private static readonly string[] StateActions = [ActivityActions.Created, ActivityActions.Updated, ActivityActions.Deleted, ActivityActions.Baselined];

    private sealed record Logged(string EntityId, string Action, string? StateHash, long Sequence);

    /// <summary>The audited record types with their audit names (the names the log uses).</summary>
    public IEnumerable<(IEntityType Model, string Name)> AuditedTypes() =>
        db.Model.GetEntityTypes()
            .Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(AppUser) || t.ClrType == typeof(IdentityRole))
            .Select(t => (t, AuditNames.Of(t.ClrType)!))
            .OrderBy(t => t.Item2, StringComparer.Ordinal);

    /// <summary>Adds a problem per record that does not match; returns how many records were checked.</summary>
    public async Task<long> Handle(List<Problem> problems, int maxProblems, CancellationToken ct = default)
    {
        long count = 0;
        foreach (var (model, name) in AuditedTypes())
        {
            var method = typeof(ReconcileRecords).GetMethod(nameof(Reconcile), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            count += await (Task<long>)method.MakeGenericMethod(model.ClrType).Invoke(this, [model, name, problems, maxProblems, ct])!;
            if (problems.Count >= maxProblems)
            {
                return count;
            }
        }

        return count + await Roles(problems, maxProblems, ct);
    }

    private async Task<long> Reconcile<T>(IEntityType model, string name, List<Problem> problems, int maxProblems, CancellationToken ct)
        where T : class
    {
        var logged = await LastStates(name, ct);
        long count = 0;
        void Add(string id, string reason, long? sequence = null) => problems.Add(new(ProblemKind.Record, $"{Words(name)} {id}", reason, sequence));
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var (_, id, state) = ActivityRecorder.CurrentState(row, model)!.Value;
            if (!logged.Remove(id, out var last))
            {
                Add(id, "It exists, but the activity log never recorded it: it was added behind the app's back.");
            }
            else if (last.Action == ActivityActions.Deleted)
            {
                Add(id, $"The activity log recorded its deletion (entry {last.Sequence}), yet it exists: it was put back behind the app's back.", last.Sequence);
            }
            else if (last.StateHash is { Length: > 0 } recorded && SameShape(recorded, state) && recorded != state)
            {
                Add(id, $"It differs from the state its last entry ({last.Sequence}) recorded: it was changed in the database behind the app's back.", last.Sequence);
            }

            if (problems.Count >= maxProblems)
            {
                return count;
            }
        }

        foreach (var gone in logged.Values.Where(l => l.Action != ActivityActions.Deleted).OrderBy(l => l.Sequence).Take(Math.Max(0, maxProblems - problems.Count)))
        {
            Add(gone.EntityId, $"The activity log holds it (last entry {gone.Sequence}), but it no longer exists: it was deleted behind the app's back.", gone.Sequence);
        }

        return count;
    }

    /// <summary>States of another shape (written before a field was added or removed) cannot be compared, only rebaselined.</summary>
    private static bool SameShape(string logged, string current) => logged.Length > 9 && current.Length > 9 && logged.AsSpan(0, 9).SequenceEqual(current.AsSpan(0, 9));

    /// <summary>The last state entry of every record of one type that the log has ever seen.</summary>
    private async Task<Dictionary<string, Logged>> LastStates(string name, CancellationToken ct)
    {
        var entries = db.Set<ActivityEntry>().AsNoTracking().Where(e => e.EntityType == name && StateActions.Contains(e.Action));
        var lastSequences = entries.GroupBy(e => e.EntityId).Select(g => g.Max(e => e.Sequence));
        var rows = db.Set<ActivityEntry>().AsNoTracking().Where(e => lastSequences.Contains(e.Sequence))
            .Select(e => new Logged(e.EntityId, e.Action, e.StateHash, e.Sequence));
        var result = new Dictionary<string, Logged>(StringComparer.Ordinal);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            result[row.EntityId] = row;
        }

        return result;
    }

    /// <summary>Role assignments replayed from their entries, against the assignments the database holds.</summary>
    private async Task<long> Roles(List<Problem> problems, int maxProblems, CancellationToken ct)
    {
        var logged = new HashSet<(string UserId, string RoleId)>();
        var entries = db.Set<ActivityEntry>().AsNoTracking()
            .Where(e => e.EntityType == AuditNames.UserRole && (e.Action == ActivityActions.Created || e.Action == ActivityActions.Deleted))
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Before, e.After });
        await foreach (var e in entries.AsAsyncEnumerable().WithCancellation(ct))
        {
            var pair = Pair(e.Action == ActivityActions.Created ? e.After : e.Before);
            if (pair is { } p)
            {
                _ = e.Action == ActivityActions.Created ? logged.Add(p) : logged.Remove(p);
            }
        }

        var actual = (await db.UserRoles.AsNoTracking().Select(r => new { r.UserId, r.RoleId }).ToListAsync(ct)).Select(r => (r.UserId, r.RoleId)).ToHashSet();
        foreach (var extra in actual.Except(logged).Take(Math.Max(0, maxProblems - problems.Count)))
        {
            problems.Add(new(ProblemKind.Record, $"Role of user {extra.UserId}", $"The user holds role {extra.RoleId}, which the activity log never gave them: it was given behind the app's back."));
        }

        foreach (var missing in logged.Except(actual).Take(Math.Max(0, maxProblems - problems.Count)))
        {
            problems.Add(new(ProblemKind.Record, $"Role of user {missing.UserId}", $"The activity log gave the user role {missing.RoleId}, which the database no longer holds: it was taken behind the app's back."));
        }

        return actual.Count;
    }

    private static (string, string)? Pair(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.TryGetProperty("UserId", out var user) && root.TryGetProperty("RoleId", out var role) ? (user.GetString() ?? "", role.GetString() ?? "") : null;
    }

    /// <summary>
    /// Once, when an installation's log has entries but none keyed (it was written before the log was keyed): records
    /// every present record's state as its baseline, so that from now on a change behind the app's back is found. What
    /// the records were before this moment rests on the old, unkeyed chain.
    /// </summary>
    public async Task<int> BaselineIfNeeded(CancellationToken ct = default)
    {
        var keyed = await db.Set<ActivityEntry>().AnyAsync(e => e.KeyId != "", ct);
        if (db.ActivityKeys.Created && keyed)
        {
            // A new key file over a keyed log would make every entry look forged, and write on with a key nobody kept.
            File.Delete(db.ActivityKeys.File!);
            throw new InvalidOperationException(
                $"The activity log was written with keys that the key file {db.ActivityKeys.File} does not hold: it is missing. Restore the key file " +
                "from your backup (or point Activity:KeyFile at it) before starting OpenIsms; with several web nodes, every node needs the same file.");
        }

        // Only an installation upgraded from before keying: its log is unkeyed, the key file new, and nothing anchored.
        // Someone who stripped a keyed log down to unkeyed entries finds an existing key file, or checkpoints, here.
        var anchored = false;
        await foreach (var _ in checkpoints.Read(ct))
        {
            anchored = true;
            break;
        }

        if (keyed || anchored || !db.ActivityKeys.Created || !await db.Set<ActivityEntry>().AnyAsync(ct))
        {
            return 0;
        }

        var written = 0;
        foreach (var (model, name) in AuditedTypes())
        {
            written += await Baseline(model, name, ct);
        }

        return written;
    }

    /// <summary>
    /// After an upgrade that added or removed a recorded field of a type, its records' states have a new shape: each is
    /// recorded once as a baseline, so later changes behind the app's back are found again. Decided from the newest
    /// entry of the type (keyed, so only a new version of the code, never the database's holder, can cause it).
    /// </summary>
    public async Task<int> RebaselineChangedShapes(CancellationToken ct = default)
    {
        var written = 0;
        foreach (var (model, name) in AuditedTypes())
        {
            var fingerprint = ActivityRecorder.Fingerprint(model);
            var newest = await db.Set<ActivityEntry>().AsNoTracking()
                .Where(e => e.EntityType == name && e.StateHash != null && e.StateHash != "")
                .OrderByDescending(e => e.Sequence).Select(e => e.StateHash).FirstOrDefaultAsync(ct);
            if (fingerprint is not null && newest is not null && !newest.StartsWith(fingerprint + ":", StringComparison.Ordinal))
            {
                written += await Baseline(model, name, ct);
            }
        }

        return written;
    }

    private Task<int> Baseline(IEntityType model, string name, CancellationToken ct) =>
        (Task<int>)typeof(ReconcileRecords).GetMethod(nameof(BaselineOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(model.ClrType).Invoke(this, [model, name, ct])!;

    private async Task<int> BaselineOf<T>(IEntityType model, string name, CancellationToken ct)
        where T : class
    {
        var states = new List<(string Id, string State)>();
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var (_, id, state) = ActivityRecorder.CurrentState(row, model)!.Value;
            states.Add((id, state));
        }

        foreach (var chunk in states.Chunk(1000))
        {
            foreach (var (id, state) in chunk)
            {
                db.RecordBaseline(name, id, state);
            }

            await db.SaveChangesAsync(ct);
        }

        return states.Count;
    }

    private static string Words(string name) => name switch
    {
        "User" => "User",
        _ => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString())),
    };
}
