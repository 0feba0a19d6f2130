using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Readiness;

public enum StagePackState
{
    Queued,
    Building,
    Ready,
    Failed,
    Expired,
}

/// <summary>
/// The Stage 1 pack: one ZIP of every mandatory document and record with a manifest of each file's SHA-256 and the
/// activity log's signed head. A request is a record (who asked, when, what was built, its hash, when it expired) and is
/// in the activity log; the work in progress — which node holds it, how far it has got — is in <see cref="StagePackJob"/>,
/// which is not. At most one pack is queued or building at a time: <see cref="Active"/> is unique, so a second start joins it.
/// </summary>
[AuditName("StagePack")]
public sealed class StagePack : Entity
{
    /// <summary>How long a built pack is kept before it expires and its file is removed.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public const string ActiveSlot = "active";

    public StagePackState State { get; private set; }

    public string RequestedById { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public DateTime RequestedAt { get; private set; }

    /// <summary><see cref="ActiveSlot"/> while queued or building, null after: a unique column, so only one runs.</summary>
    public string? Active { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>The ZIP's SHA-256: its name in the file store; it is served only while the file still hashes to it.</summary>
    public string? Sha256 { get; private set; }

    public long? Size { get; private set; }

    public int? FileCount { get; private set; }

    /// <summary>The activity log's head the manifest vouches for, signed in the manifest.</summary>
    public long? LogSequence { get; private set; }

    public string? LogHash { get; private set; }

    public string? Error { get; private set; }

    private StagePack()
    {
    }

    public static StagePack Request(string userId, string userName, DateTime now) =>
        new() { State = StagePackState.Queued, RequestedById = userId, RequestedBy = userName, RequestedAt = now, Active = ActiveSlot };

    public string Title => $"Stage 1 pack of {RequestedAt:d MMMM yyyy HH:mm} UTC";

    public void Started(DateTime now)
    {
        State = StagePackState.Building;
        StartedAt ??= now;
    }

    public void Built(string fileName, string sha256, long size, int files, long logSequence, string logHash, DateTime now)
    {
        State = StagePackState.Ready;
        Active = null;
        FinishedAt = now;
        ExpiresAt = now + KeptFor;
        (FileName, Sha256, Size, FileCount, LogSequence, LogHash) = (fileName, sha256, size, files, logSequence, logHash);
    }

    public void Failed(string error, DateTime now)
    {
        State = StagePackState.Failed;
        Active = null;
        FinishedAt = now;
        Error = error.Length > Limits.ShortText ? error[..Limits.ShortText] : error;
    }

    public void Expired()
    {
        State = StagePackState.Expired;
    }
}

/// <summary>
/// A pack's work in progress: the node holding it (a claim that lapses if the node stops, so another node takes it over)
/// and how far it has got. Working state, not a record: not in the activity log, removed when the pack is built or fails.
/// </summary>
public sealed class StagePackJob
{
    public Guid PackId { get; set; }

    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public int Done { get; set; }

    public int Total { get; set; }

    public string? Step { get; set; }
}

internal sealed class StagePackConfiguration : IEntityTypeConfiguration<StagePack>
{
    public void Configure(EntityTypeBuilder<StagePack> builder)
    {
        builder.HasIndex(p => p.Active).IsUnique();
        builder.HasIndex(p => p.RequestedAt);
        builder.Property(p => p.Active).HasMaxLength(10);
        builder.Property(p => p.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(p => p.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.FileName).HasMaxLength(200);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.LogHash).HasMaxLength(128);
        builder.Property(p => p.Error).HasMaxLength(Limits.ShortText);
        builder.Ignore(p => p.Title);
    }
}

internal sealed class StagePackJobConfiguration : IEntityTypeConfiguration<StagePackJob>
{
    public void Configure(EntityTypeBuilder<StagePackJob> builder)
    {
        builder.HasKey(j => j.PackId);
        builder.HasOne<StagePack>().WithOne().HasForeignKey<StagePackJob>(j => j.PackId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(j => j.Step).HasMaxLength(300);
    }
}
