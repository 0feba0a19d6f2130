using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Nonconformities;

internal sealed class NonconformityConfiguration : IEntityTypeConfiguration<Nonconformity>
{
    public void Configure(EntityTypeBuilder<Nonconformity> builder)
    {
        builder.HasOne<Requirement>().WithMany().HasForeignKey(n => n.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(n => n.RecurrenceOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Risk>().WithMany().HasForeignKey(n => n.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.Reference).IsUnique();
        builder.HasIndex(n => new { n.State, n.RaisedOn });
        builder.HasIndex(n => new { n.OwnerId, n.State });
        builder.HasIndex(n => new { n.RequirementId, n.RaisedOn });
        builder.HasIndex(n => new { n.State, n.EffectivenessDueOn });
        builder.Property(n => n.Reference).HasMaxLength(50).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(n => n.Description).HasMaxLength(Limits.LongText).IsRequired();
        builder.Property(n => n.RequirementText).HasMaxLength(Limits.ShortText);
        builder.Property(n => n.Process).HasMaxLength(Limits.Name);
        builder.Property(n => n.SourceReference).HasMaxLength(Limits.ShortText);
        builder.Property(n => n.RaisedBy).HasMaxLength(256);
        builder.Property(n => n.OwnerId).HasMaxLength(450);
        builder.Property(n => n.Correction).HasMaxLength(Limits.LongText);
        builder.Property(n => n.Whys).HasMaxLength(Limits.LongText);
        builder.Property(n => n.RootCause).HasMaxLength(Limits.LongText);
    }
}

internal sealed class NonconformityStepConfiguration : IEntityTypeConfiguration<NonconformityStep>
{
    public void Configure(EntityTypeBuilder<NonconformityStep> builder)
    {
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(s => s.NonconformityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.NonconformityId, s.CreatedAt });
        builder.Property(s => s.Summary).HasMaxLength(Limits.LongText);
        builder.Property(s => s.Whys).HasMaxLength(Limits.LongText);
        builder.Property(s => s.By).HasMaxLength(256);
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> builder)
    {
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(a => a.NonconformityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.NonconformityId, a.Round });
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.Property(a => a.Title).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.Property(a => a.Resources).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Outcome).HasMaxLength(Limits.ShortText);
    }
}
