using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Assets;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.HasIndex(a => a.Name);
        builder.HasIndex(a => new { a.OwnerId, a.Name });
        builder.HasIndex(a => new { a.Type, a.Name });
        builder.Property(a => a.Reference).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(a => a.Category).HasMaxLength(100);
        builder.Property(a => a.Description).HasMaxLength(Limits.LongText);
        builder.Property(a => a.Custodian).HasMaxLength(Limits.Name);
        builder.Property(a => a.Location).HasMaxLength(Limits.Name);
        builder.Property(a => a.Classification).HasMaxLength(50);
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssetDependencyConfiguration : IEntityTypeConfiguration<AssetDependency>
{
    public void Configure(EntityTypeBuilder<AssetDependency> builder)
    {
        builder.HasOne<Asset>().WithMany().HasForeignKey(d => d.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Asset>().WithMany().HasForeignKey(d => d.DependsOnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.AssetId, d.DependsOnId }).IsUnique();
        builder.HasIndex(d => d.DependsOnId);
        builder.Property(d => d.Note).HasMaxLength(Limits.ShortText);
    }
}

internal sealed class ClassificationLevelConfiguration : IEntityTypeConfiguration<ClassificationLevel>
{
    public void Configure(EntityTypeBuilder<ClassificationLevel> builder)
    {
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(50).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Limits.ShortText);
    }
}
