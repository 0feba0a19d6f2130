using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;

namespace OpenIsms.Core.Readiness;

/// <summary>A node's hold on a pack being built: the token every progress report and the finish must carry.</summary>
public sealed record StagePackClaim(Guid PackId, Guid Token);

/// <summary>
/// Starts a Stage 1 pack, or joins the one already queued or building: two people (or two nodes) pressing the button
/// at once get the same pack, because only one pack may hold the unique "active" slot.
/// </summary>
public sealed class StartStagePack(OpenIsmsDbContext db)
{
    public sealed record Outcome(Guid? PackId, bool Joined, string? Refusal);

    public async Task<Outcome> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ReadinessPermissions.Pack) || db.CurrentUser.UserId is not { } userId)
        {
            return new(null, false, "You do not have permission to do this.");
        }

        if (await Running(ct) is { } running)
        {
            return new(running, true, null);
        }

        var pack = StagePack.Request(userId, db.CurrentUser.DisplayName, db.Clock.UtcNow);
        db.Add(pack);
        db.Add(new StagePackJob { PackId = pack.Id, Step = "Waiting for a server to start it" });
        try
        {
            await db.SaveChangesAsync(ct);
            return new(pack.Id, false, null);
        }
        catch (DbUpdateException ex) when (Constraints.IsUniqueViolation(ex))
        {
            // Another start won the slot a moment ago: join that one.
            db.ChangeTracker.Clear();
            return await Running(ct) is { } other ? new(other, true, null) : new(null, false, "Another pack was started and finished at the same moment; start again.");
        }
    }

    private Task<Guid?> Running(CancellationToken ct) =>
        db.Set<StagePack>().AsNoTracking().Where(p => p.Active == StagePack.ActiveSlot).OrderBy(p => p.RequestedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
}

/// <summary>The pack page: the pack being built with its progress, and the packs built before (newest first).</summary>
public sealed class GetStagePacks(OpenIsmsDbContext db)
{
    public sealed record Pack
    {
        public required Guid Id { get; init; }

        public required StagePackState State { get; init; }

        public required string RequestedBy { get; init; }

        public required DateTime RequestedAt { get; init; }

        public DateTime? StartedAt { get; init; }

        public DateTime? FinishedAt { get; init; }

        public DateTime? ExpiresAt { get; init; }

        public string? FileName { get; init; }

        public string? Sha256 { get; init; }

        public long? Size { get; init; }

        public int? FileCount { get; init; }

        public long? LogSequence { get; init; }

        public string? Error { get; init; }

        public int Done { get; init; }

        public int Total { get; init; }

        public string? Step { get; init; }

        public bool Running => State is StagePackState.Queued or StagePackState.Building;

        public int Percent => Total == 0 ? 0 : (int)Math.Min(100, Math.Round(100.0 * Done / Total));
    }

    public const int Shown = 10;

    public async Task<IReadOnlyList<Pack>?> Handle(CancellationToken ct = default) =>
        db.CurrentUser.Has(ReadinessPermissions.Pack) ? await Query(db.Set<StagePack>()).Take(Shown).ToListAsync(ct) : null;

    public async Task<Pack?> One(Guid id, CancellationToken ct = default) =>
        db.CurrentUser.Has(ReadinessPermissions.Pack) ? await Query(db.Set<StagePack>().Where(p => p.Id == id)).FirstOrDefaultAsync(ct) : null;

    private IQueryable<Pack> Query(IQueryable<StagePack> packs) =>
        from p in packs.AsNoTracking()
        join j in db.Set<StagePackJob>() on p.Id equals j.PackId into jobs
        from j in jobs.DefaultIfEmpty()
        orderby p.RequestedAt descending
        select new Pack
        {
            Id = p.Id, State = p.State, RequestedBy = p.RequestedBy, RequestedAt = p.RequestedAt, StartedAt = p.StartedAt, FinishedAt = p.FinishedAt,
            ExpiresAt = p.ExpiresAt, FileName = p.FileName, Sha256 = p.Sha256, Size = p.Size, FileCount = p.FileCount, LogSequence = p.LogSequence,
            Error = p.Error, Done = j == null ? 0 : j.Done, Total = j == null ? 0 : j.Total, Step = j == null ? null : j.Step,
        };
}

/// <summary>A built pack's ZIP, served only while it still hashes to the SHA-256 recorded when it was built; each download is in the activity log.</summary>
public sealed class GetStagePackFile(OpenIsmsDbContext db, StagePackStore packs)
{
    public const string Downloaded = "Downloaded";

    public async Task<Result<EvidenceFiles.Opened>> Handle(Guid id, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ReadinessPermissions.Pack))
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        var pack = await db.Set<StagePack>().AsNoTracking().Where(p => p.Id == id).Select(p => new { p.State, p.Sha256, p.FileName }).FirstOrDefaultAsync(ct);
        if (pack is null)
        {
            return Result<EvidenceFiles.Opened>.From(Result.NotFound());
        }

        if (pack.State != StagePackState.Ready || pack.Sha256 is null)
        {
            return Result<EvidenceFiles.Opened>.From(Result.Fail(pack.State == StagePackState.Expired
                ? "This pack has expired and its file was removed. Build a new one."
                : "This pack is not ready to download."));
        }

        var opened = await EvidenceFiles.OpenVerified(packs.Files, pack.Sha256, pack.FileName!, "application/zip", "The pack's file", ct);
        if (opened.Succeeded)
        {
            db.RecordEvent(Data.Log.AuditNames.Of<StagePack>(), id, Downloaded, new { pack.FileName, pack.Sha256 });
            await db.SaveChangesAsync(ct);
        }

        return opened;
    }
}

/// <summary>
/// Takes a queued pack (or one whose builder stopped and let its claim lapse) for this node. The claim is a conditional
/// update on the job's row — only where nobody holds it — so of several nodes polling at once exactly one builds it.
/// </summary>
public sealed class ClaimStagePack(OpenIsmsDbContext db)
{
    /// <summary>How long a claim holds without a progress report; the builder reports far more often.</summary>
    public static readonly TimeSpan ClaimLength = TimeSpan.FromMinutes(5);

    public async Task<StagePackClaim?> Handle(CancellationToken ct = default)
    {
        var now = db.Clock.UtcNow;
        var candidate = await (from j in db.Set<StagePackJob>()
                               join p in db.Set<StagePack>() on j.PackId equals p.Id
                               where p.Active == StagePack.ActiveSlot && (j.ClaimedUntil == null || j.ClaimedUntil < now)
                               orderby p.RequestedAt
                               select j.PackId).FirstOrDefaultAsync(ct);
        if (candidate == Guid.Empty)
        {
            return null;
        }

        var token = Guid.NewGuid();
        var until = now + ClaimLength;
        var taken = await db.Set<StagePackJob>()
            .Where(j => j.PackId == candidate && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimToken, token).SetProperty(j => j.ClaimedUntil, until)
                .SetProperty(j => j.Done, 0).SetProperty(j => j.Step, "Starting"), ct);
        if (taken != 1)
        {
            return null; // another node took it first
        }

        var pack = await db.Set<StagePack>().FirstAsync(p => p.Id == candidate, ct);
        if (pack.State == StagePackState.Queued)
        {
            pack.Started(now);
            await db.SaveChangesAsync(ct);
        }

        return new(candidate, token);
    }
}

/// <summary>The builder's progress: how many files of how many, what it is doing. It renews the claim; false when the claim was lost.</summary>
public sealed class ReportStagePackProgress(OpenIsmsDbContext db)
{
    public async Task<bool> Handle(StagePackClaim claim, int done, int total, string step, CancellationToken ct = default)
    {
        var until = db.Clock.UtcNow + ClaimStagePack.ClaimLength;
        step = step.Length > 300 ? step[..300] : step;
        return await db.Set<StagePackJob>().Where(j => j.PackId == claim.PackId && j.ClaimToken == claim.Token)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, total).SetProperty(j => j.Step, step).SetProperty(j => j.ClaimedUntil, until), ct) == 1;
    }
}

/// <summary>What the builder made: the ZIP in the file store, its hash and size, how many files, and the log head it signed.</summary>
public sealed record BuiltStagePack
{
    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public required int Files { get; init; }

    public required long LogSequence { get; init; }

    public required string LogHash { get; init; }
}

/// <summary>Ends a pack: built (ready to download until it expires) or failed with the reason. Only the node holding the claim may.</summary>
public sealed class FinishStagePack(OpenIsmsDbContext db)
{
    public Task<bool> Handle(StagePackClaim claim, BuiltStagePack built, CancellationToken ct = default) =>
        End(claim, p => p.Built(built.FileName, built.Sha256, built.Size, built.Files, built.LogSequence, built.LogHash, db.Clock.UtcNow), ct);

    public Task<bool> Fail(StagePackClaim claim, string error, CancellationToken ct = default) =>
        End(claim, p => p.Failed(error, db.Clock.UtcNow), ct);

    private async Task<bool> End(StagePackClaim claim, Action<StagePack> end, CancellationToken ct)
    {
        var job = await db.Set<StagePackJob>().FirstOrDefaultAsync(j => j.PackId == claim.PackId && j.ClaimToken == claim.Token, ct);
        if (job is null)
        {
            return false;
        }

        var pack = await db.Set<StagePack>().FirstAsync(p => p.Id == claim.PackId, ct);
        end(pack);
        db.Remove(job);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>Expires the packs kept past their time and removes their files from the store (each pack's ZIP is its own: no other record shares it).</summary>
public sealed class ExpireStagePacks(OpenIsmsDbContext db, StagePackStore packs)
{
    public async Task<int> Handle(CancellationToken ct = default)
    {
        var now = db.Clock.UtcNow;
        var due = await db.Set<StagePack>().Where(p => p.State == StagePackState.Ready && p.ExpiresAt < now).OrderBy(p => p.ExpiresAt).Take(20).ToListAsync(ct);
        foreach (var pack in due)
        {
            var sha = pack.Sha256;
            pack.Expired();
            await db.SaveChangesAsync(ct);
            if (sha is not null && !await db.Set<StagePack>().AnyAsync(p => p.Sha256 == sha && p.State == StagePackState.Ready, ct))
            {
                packs.Files.Delete(sha);
            }
        }

        // Renditions no pack has used for months: forgotten, and their files removed unless another still names the file.
        var stale = await db.Set<StagePackRendition>().Where(r => r.UsedAt < now - StagePackRendition.KeptFor).OrderBy(r => r.UsedAt).Take(200).ToListAsync(ct);
        foreach (var rendition in stale)
        {
            db.Remove(rendition);
            await db.SaveChangesAsync(ct);
            if (!await db.Set<StagePackRendition>().AnyAsync(r => r.PdfSha256 == rendition.PdfSha256, ct))
            {
                packs.Files.Delete(rendition.PdfSha256);
            }
        }

        return due.Count;
    }
}
