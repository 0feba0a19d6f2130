using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Communications;

internal sealed class CommunicationItemConfiguration : IEntityTypeConfiguration<CommunicationItem>
{
    public void Configure(EntityTypeBuilder<CommunicationItem> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.Stopped, c.NextDueOn });
        builder.HasIndex(c => new { c.OwnerId, c.NextDueOn });
        builder.Property(c => c.Subject).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Limits.LongText);
        builder.Property(c => c.Audience).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(c => c.Channel).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(c => c.Trigger).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.OwnerId).HasMaxLength(450);
    }
}

internal sealed class CommunicationRecordConfiguration : IEntityTypeConfiguration<CommunicationRecord>
{
    public void Configure(EntityTypeBuilder<CommunicationRecord> builder)
    {
        builder.HasOne<CommunicationItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ItemId, r.HappenedOn });
        builder.Property(r => r.Note).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.Link).HasMaxLength(2000);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.Property(r => r.FileName).HasMaxLength(255);
        builder.Property(r => r.FileContentType).HasMaxLength(100);
        builder.Property(r => r.FileSha256).HasMaxLength(64);
    }
}
