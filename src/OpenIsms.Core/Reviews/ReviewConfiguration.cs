using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Reviews;

internal sealed class ManagementReviewConfiguration : IEntityTypeConfiguration<ManagementReview>
{
    public void Configure(EntityTypeBuilder<ManagementReview> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ChairId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => new { r.State, r.ScheduledOn });
        builder.Property(r => r.Reference).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(r => r.ChairId).HasMaxLength(450);
        builder.Property(r => r.Attendees).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.PackJson).HasMaxLength(1_000_000);
        builder.Property(r => r.PackSha256).HasMaxLength(64);
        builder.Property(r => r.FrozenBy).HasMaxLength(256);
        builder.Property(r => r.ConcludedBy).HasMaxLength(256);
        foreach (var text in new[] { nameof(ManagementReview.Suitability), nameof(ManagementReview.Adequacy), nameof(ManagementReview.Effectiveness),
                     nameof(ManagementReview.ImprovementDecisions), nameof(ManagementReview.ChangesNeeded), nameof(ManagementReview.ResourceNeeds) })
        {
            builder.Property(text).HasMaxLength(Limits.LongText);
        }
    }
}

internal sealed class ReviewInputMinuteConfiguration : IEntityTypeConfiguration<ReviewInputMinute>
{
    public void Configure(EntityTypeBuilder<ReviewInputMinute> builder)
    {
        builder.HasOne<ManagementReview>().WithMany().HasForeignKey(m => m.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ReviewId, m.Input }).IsUnique();
        builder.Property(m => m.Input).HasMaxLength(10).IsRequired();
        builder.Property(m => m.Minutes).HasMaxLength(Limits.LongText).IsRequired();
    }
}

internal sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        builder.HasOne<ManagementReview>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReviewId, a.Status });
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.DueOn });
        builder.Property(a => a.Title).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.Property(a => a.Outcome).HasMaxLength(Limits.ShortText);
    }
}
