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
        builder.Property(r => r.Code).HasMaxLength(50).IsRequired();
        builder.Property(r => r.ParentCode).HasMaxLength(50);
        builder.Property(r => r.Class).HasMaxLength(50).IsRequired().HasDefaultValue("");
        builder.Property(r => r.Title).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(r => r.Theme).HasMaxLength(100);
        builder.Property(r => r.Statement).HasMaxLength(Limits.LongText).IsRequired().HasDefaultValue("");
        builder.Property(r => r.Guidance).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Evidence).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Examples).HasMaxLength(Limits.LongText).IsRequired().HasDefaultValue("");
        builder.Property(r => r.DocumentedInformation).HasMaxLength(Limits.LongText);
        builder.Property(r => r.SucceededBy).HasMaxLength(Limits.ShortText);
        builder.Ignore(r => r.Successors);
    }
}
