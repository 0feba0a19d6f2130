using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Notifications;

/// <summary>
/// A user's choice about the daily digest (what is due for them). Requests addressed to someone — an approval asked, a
/// document to acknowledge — are always mailed; the digest can be switched off on the account page or through the
/// unsubscribe link in every digest. No row means the default: the digest is sent.
/// </summary>
[AuditName("MailPreference")]
public sealed class MailPreference : Entity
{
    public string UserId { get; private set; } = "";

    public bool Digest { get; private set; } = true;

    private MailPreference()
    {
    }

    public static MailPreference For(string userId) => new() { UserId = userId };

    public void ReceiveDigest(bool receive) => Digest = receive;
}

/// <summary>That a user's digest for a day was claimed by a node: the unique (user, day) makes it once per day across nodes.</summary>
public sealed class DigestRun
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UserId { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public static DigestRun Claim(string userId, DateOnly day) => new() { UserId = userId, Day = day };
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.Property(p => p.UserId).HasMaxLength(450);
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.ToTable("DigestRuns");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.UserId, r.Day }).IsUnique();
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
    }
}

/// <summary>Switches the daily digest on or off: for the signed-in user, or for the user an unsubscribe link names.</summary>
public sealed class SetDigest(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(bool receive, CancellationToken ct = default) =>
        db.CurrentUser.UserId is { } userId ? await For(userId, receive, ct) : Result.Forbidden();

    /// <summary>For the user an unsubscribe link names (the link's signature is checked by the page that calls this).</summary>
    public async Task<Result> For(string userId, bool receive, CancellationToken ct = default)
    {
        if (!await db.Set<AppUser>().AnyAsync(u => u.Id == userId, ct))
        {
            return Result.NotFound();
        }

        var preference = await db.Set<MailPreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preference is null)
        {
            preference = MailPreference.For(userId);
            db.Add(preference);
        }

        preference.ReceiveDigest(receive);
        return await db.SaveAsync(ct);
    }
}

/// <summary>Whether a user receives the daily digest.</summary>
public sealed class GetMailPreference(OpenIsmsDbContext db)
{
    public async Task<bool> Handle(string userId, CancellationToken ct = default) =>
        await db.Set<MailPreference>().Where(p => p.UserId == userId).Select(p => (bool?)p.Digest).FirstOrDefaultAsync(ct) ?? true;
}
