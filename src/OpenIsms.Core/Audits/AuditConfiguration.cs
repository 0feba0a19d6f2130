using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;

namespace OpenIsms.Core.Audits;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.LeadAuditorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.HasIndex(a => new { a.State, a.PlannedStart });
        builder.Property(a => a.Reference).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(a => a.Criteria).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(a => a.Plan).HasMaxLength(Limits.LongText);
        builder.Property(a => a.Auditees).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.LeadAuditorId).HasMaxLength(450);
        builder.Property(a => a.CompetenceEvidence).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(a => a.Conclusion).HasMaxLength(Limits.LongText);
        builder.Property(a => a.ReportedBy).HasMaxLength(256);
        builder.Property(a => a.ClosedBy).HasMaxLength(256);
    }
}

internal sealed class AuditAuditorConfiguration : IEntityTypeConfiguration<AuditAuditor>
{
    public void Configure(EntityTypeBuilder<AuditAuditor> builder)
    {
        builder.HasOne<Audit>().WithMany().HasForeignKey(a => a.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AuditId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
    }
}

internal sealed class AuditItemConfiguration : IEntityTypeConfiguration<AuditItem>
{
    public void Configure(EntityTypeBuilder<AuditItem> builder)
    {
        builder.HasOne<Audit>().WithMany().HasForeignKey(i => i.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Nonconformity>().WithMany().HasForeignKey(i => i.NonconformityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.AuditId, i.Position });
        builder.HasIndex(i => new { i.AuditId, i.Kind, i.Code }).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.Code, i.Result });
        builder.HasIndex(i => i.NonconformityId);
        builder.Property(i => i.Code).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Prompt).HasMaxLength(2000).IsRequired();
        builder.Property(i => i.Sampled).HasMaxLength(Limits.ShortText);
        builder.Property(i => i.Evidence).HasMaxLength(Limits.LongText);
        builder.Property(i => i.Notes).HasMaxLength(Limits.LongText);
        builder.Property(i => i.NotAuditedReason).HasMaxLength(Limits.ShortText);
        builder.Property(i => i.RecordedBy).HasMaxLength(256);
    }
}
