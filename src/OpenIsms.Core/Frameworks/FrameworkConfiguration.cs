using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Key).HasMaxLength(50).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(f => f.Edition).HasMaxLength(50);
        builder.Property(f => f.Publisher).HasMaxLength(Limits.Name);
        builder.Property(f => f.Description).HasMaxLength(Limits.LongText);
        builder.Property(f => f.GroupLabel).HasMaxLength(50);
        builder.Property(f => f.Source).HasMaxLength(Limits.ShortText);
        builder.Property(f => f.Families).HasMaxLength(Limits.LongText);
        builder.Ignore(f => f.FamilyList);
    }
}
