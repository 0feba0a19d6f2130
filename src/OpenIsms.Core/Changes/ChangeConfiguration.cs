using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Reviews;

namespace OpenIsms.Core.Changes;

internal sealed class IsmsChangeConfiguration : IEntityTypeConfiguration<IsmsChange>
{
    public void Configure(EntityTypeBuilder<IsmsChange> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ManagementReview>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(c => c.NonconformityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => new { c.Status, c.PlannedOn });
        builder.HasIndex(c => c.ReviewId);
        builder.HasIndex(c => c.NonconformityId);
        builder.Property(c => c.Reference).HasMaxLength(50).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(c => c.Purpose).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(c => c.Consequences).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(c => c.Integrity).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Resources).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.Responsibilities).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.Property(c => c.AffectedRecords).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.Outcome).HasMaxLength(Limits.LongText);
    }
}
