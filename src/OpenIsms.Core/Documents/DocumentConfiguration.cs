using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Documents;

internal sealed class ControlledDocumentConfiguration : IEntityTypeConfiguration<ControlledDocument>
{
    public void Configure(EntityTypeBuilder<ControlledDocument> builder)
    {
        builder.ToTable("Documents");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.Reference).IsUnique();
        builder.HasIndex(d => new { d.Kind, d.Reference });
        builder.HasIndex(d => new { d.Status, d.Reference });
        builder.HasIndex(d => new { d.OwnerId, d.NextReview });
        builder.HasIndex(d => d.NextReview);
        builder.Property(d => d.Reference).HasMaxLength(50).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(d => d.Purpose).HasMaxLength(Limits.ShortText);
        builder.Property(d => d.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.Classification).HasMaxLength(100);
        builder.Property(d => d.Audience).HasMaxLength(Limits.Name);
        builder.Property(d => d.Clauses).HasMaxLength(Limits.Name);
        builder.Property(d => d.ExternalSource).HasMaxLength(Limits.Name);
        builder.Property(d => d.ExternalVersion).HasMaxLength(100);
        builder.Property(d => d.CurrentLabel).HasMaxLength(20);
        builder.Property(d => d.PendingLabel).HasMaxLength(20);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DocumentId, v.Major, v.Minor }).IsUnique();
        builder.HasIndex(v => new { v.DocumentId, v.State });
        builder.Property(v => v.FileName).HasMaxLength(260);
        builder.Property(v => v.FileContentType).HasMaxLength(100);
        builder.Property(v => v.FileSha256).HasMaxLength(64);
        builder.Property(v => v.ContentSha256).HasMaxLength(64);
        builder.Property(v => v.ChangeSummary).HasMaxLength(Limits.ShortText);
        builder.Property(v => v.SubmittedById).HasMaxLength(450);
        builder.Property(v => v.CreatedById).HasMaxLength(450);
        builder.Ignore(v => v.Label);
    }
}

internal sealed class DocumentApprovalConfiguration : IEntityTypeConfiguration<DocumentApproval>
{
    public void Configure(EntityTypeBuilder<DocumentApproval> builder)
    {
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.ApproverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.VersionId, a.Round, a.ApproverId }).IsUnique();
        builder.HasIndex(a => new { a.ApproverId, a.Decision });
        builder.Property(a => a.ApproverId).HasMaxLength(450);
        builder.Property(a => a.Reason).HasMaxLength(Limits.ShortText);
    }
}

internal sealed class DocumentReviewConfiguration : IEntityTypeConfiguration<DocumentReview>
{
    public void Configure(EntityTypeBuilder<DocumentReview> builder)
    {
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.DocumentId, r.ReviewedAt });
        builder.Property(r => r.VersionLabel).HasMaxLength(20);
        builder.Property(r => r.ReviewedById).HasMaxLength(450);
        builder.Property(r => r.Note).HasMaxLength(Limits.ShortText);
    }
}

internal sealed class DocumentLinkConfiguration : IEntityTypeConfiguration<DocumentLink>
{
    public void Configure(EntityTypeBuilder<DocumentLink> builder)
    {
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(l => l.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Risk>().WithMany().HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.DocumentId);
        builder.HasIndex(l => l.RequirementId);
        builder.HasIndex(l => l.RiskId);
    }
}

internal sealed class AckCampaignConfiguration : IEntityTypeConfiguration<AckCampaign>
{
    public void Configure(EntityTypeBuilder<AckCampaign> builder)
    {
        builder.HasOne<ControlledDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.DocumentId, c.CreatedAt });
        builder.Property(c => c.VersionLabel).HasMaxLength(20);
        builder.Property(c => c.ContentSha256).HasMaxLength(64);
        builder.Property(c => c.Audience).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.Message).HasMaxLength(Limits.ShortText);
        builder.Property(c => c.StartedById).HasMaxLength(450);
    }
}

internal sealed class AcknowledgementConfiguration : IEntityTypeConfiguration<Acknowledgement>
{
    public void Configure(EntityTypeBuilder<Acknowledgement> builder)
    {
        builder.HasOne<AckCampaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CampaignId, a.PersonName, a.Id }); // the progress page's order
        builder.HasIndex(a => new { a.CampaignId, a.State });
        builder.HasIndex(a => new { a.CampaignId, a.PersonId }).IsUnique();
        builder.HasIndex(a => new { a.PersonId, a.State });
        builder.HasIndex(a => a.TokenHash).IsUnique();
        builder.Property(a => a.VersionLabel).HasMaxLength(20);
        builder.Property(a => a.PersonName).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(a => a.PersonEmail).HasMaxLength(256);
        builder.Property(a => a.Department).HasMaxLength(100);
        builder.Property(a => a.ContentSha256).HasMaxLength(64);
        builder.Property(a => a.Via).HasMaxLength(40);
        builder.Property(a => a.TokenHash).HasMaxLength(64);
    }
}
