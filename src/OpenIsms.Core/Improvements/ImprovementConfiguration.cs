using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Improvements;

internal sealed class ImprovementConfiguration : IEntityTypeConfiguration<Improvement>
{
    public void Configure(EntityTypeBuilder<Improvement> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Reference).IsUnique();
        builder.HasIndex(i => new { i.Status, i.RaisedOn });
        builder.HasIndex(i => new { i.OwnerId, i.Status });
        builder.Property(i => i.Reference).HasMaxLength(50).IsRequired();
        builder.Property(i => i.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(Limits.LongText);
        builder.Property(i => i.SourceReference).HasMaxLength(Limits.ShortText);
        builder.Property(i => i.RaisedBy).HasMaxLength(256);
        builder.Property(i => i.OwnerId).HasMaxLength(450);
        builder.Property(i => i.Outcome).HasMaxLength(Limits.LongText);
    }
}
