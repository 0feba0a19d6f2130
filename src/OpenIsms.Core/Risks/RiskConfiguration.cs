using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

internal sealed class RiskMethodologyConfiguration : IEntityTypeConfiguration<RiskMethodology>
{
    public void Configure(EntityTypeBuilder<RiskMethodology> builder)
    {
        builder.HasIndex(m => m.Number).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(m => m.DefinitionJson).HasMaxLength(Limits.Statement).IsRequired();
        builder.Property(m => m.ChangeNote).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.ApprovedById).HasMaxLength(450);
        builder.Property(m => m.ApprovedByName).HasMaxLength(Limits.Name);
        builder.Ignore(m => m.Definition);
    }
}

internal sealed class RiskEntityConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => new { r.OwnerId, r.Status });
        builder.HasIndex(r => new { r.ResidualLevel, r.ResidualScore });
        builder.HasIndex(r => new { r.InherentLevel, r.InherentScore });
        builder.HasIndex(r => new { r.Status, r.NextReview });
        builder.HasIndex(r => r.Treatment);
        builder.HasIndex(r => r.Title);
        // Covers the joins that only need a risk's status (the SoA's and a control's treated risks): no table lookup.
        builder.HasIndex(r => new { r.Id, r.Status });
        builder.Property(r => r.Reference).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ExistingControls).HasMaxLength(Limits.LongText);
        builder.Property(r => r.TreatmentRationale).HasMaxLength(Limits.LongText);
        builder.Property(r => r.OwnerId).HasMaxLength(450).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Threat>().WithMany().HasForeignKey(r => r.ThreatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vulnerability>().WithMany().HasForeignKey(r => r.VulnerabilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskMethodology>().WithMany().HasForeignKey(r => r.MethodologyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskAssetConfiguration : IEntityTypeConfiguration<RiskAsset>
{
    public void Configure(EntityTypeBuilder<RiskAsset> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RiskId, x.AssetId }).IsUnique();
        builder.HasIndex(x => x.AssetId);
    }
}

internal sealed class RiskControlConfiguration : IEntityTypeConfiguration<RiskControl>
{
    public void Configure(EntityTypeBuilder<RiskControl> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RiskId, x.RequirementId }).IsUnique();
        builder.HasIndex(x => new { x.RequirementId, x.RiskId });
    }
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskMethodology>().WithMany().HasForeignKey(x => x.MethodologyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RiskId, x.AssessedAt });
        builder.Property(x => x.InherentImpactsJson).HasMaxLength(200).IsRequired();
        builder.Property(x => x.ResidualImpactsJson).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(Limits.LongText);
        builder.Property(x => x.AssessedById).HasMaxLength(450).IsRequired();
        builder.Property(x => x.AssessedByName).HasMaxLength(Limits.Name).IsRequired();
        builder.Ignore(x => x.InherentImpacts);
        builder.Ignore(x => x.ResidualImpacts);
    }
}

internal sealed class TreatmentActionConfiguration : IEntityTypeConfiguration<TreatmentAction>
{
    public void Configure(EntityTypeBuilder<TreatmentAction> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RiskId, x.Due });
        builder.HasIndex(x => new { x.OwnerId, x.Status, x.Due });
        builder.HasIndex(x => new { x.Status, x.Due });
        builder.HasIndex(x => new { x.Due, x.Id }); // the plan is read in exactly this order, so a page needs no sort
        builder.Property(x => x.Title).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(Limits.LongText);
        builder.Property(x => x.Resources).HasMaxLength(Limits.ShortText);
        builder.Property(x => x.OwnerId).HasMaxLength(450);
        builder.Ignore(x => x.IsOpen);
    }
}

internal sealed class RiskAcceptanceConfiguration : IEntityTypeConfiguration<RiskAcceptance>
{
    public void Configure(EntityTypeBuilder<RiskAcceptance> builder)
    {
        builder.HasOne<Risk>().WithMany().HasForeignKey(x => x.RiskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskAssessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RiskId, x.AcceptedAt });
        builder.HasIndex(x => new { x.Status, x.ExpiresOn });
        builder.Property(x => x.ResidualLevelName).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(Limits.LongText);
        builder.Property(x => x.ManagementNote).HasMaxLength(Limits.LongText);
        builder.Property(x => x.AcceptedById).HasMaxLength(450).IsRequired();
        builder.Property(x => x.AcceptedByName).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(x => x.ManagementApprovedById).HasMaxLength(450);
        builder.Property(x => x.ManagementApprovedByName).HasMaxLength(Limits.Name);
    }
}

internal sealed class ThreatConfiguration : IEntityTypeConfiguration<Threat>
{
    public void Configure(EntityTypeBuilder<Threat> builder)
    {
        builder.HasIndex(x => x.Name).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(x => x.Group).HasMaxLength(60).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(Limits.LongText);
        builder.Property(x => x.Affects).HasMaxLength(3).IsRequired();
    }
}

internal sealed class VulnerabilityConfiguration : IEntityTypeConfiguration<Vulnerability>
{
    public void Configure(EntityTypeBuilder<Vulnerability> builder)
    {
        builder.HasIndex(x => x.Name).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(x => x.Group).HasMaxLength(60).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(Limits.LongText);
    }
}
