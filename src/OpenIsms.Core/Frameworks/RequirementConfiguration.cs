using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

internal sealed class RequirementConfiguration : IEntityTypeConfiguration<Requirement>
{
    public void Configure(EntityTypeBuilder<Requirement> builder)
    {
        builder.HasIndex(r => new { r.FrameworkId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.FrameworkId, r.SortOrder });
        builder.Property(r => r.FrameworkId).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Code).HasMaxLength(20).IsRequired();
        builder.Property(r => r.ParentCode).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(r => r.Theme).HasMaxLength(50);
        builder.Property(r => r.ControlTypes).HasMaxLength(100);
        builder.Property(r => r.Properties).HasMaxLength(100);
        builder.Property(r => r.Concepts).HasMaxLength(100);
        builder.Property(r => r.Capabilities).HasMaxLength(300);
        builder.Property(r => r.Domains).HasMaxLength(100);
        builder.Property(r => r.Guidance).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Evidence).HasMaxLength(Limits.LongText);
        builder.Property(r => r.DocumentedInformation).HasMaxLength(Limits.LongText);
    }
}
