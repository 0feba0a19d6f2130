using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;

namespace OpenIsms.Core.Competences;

internal sealed class CompetenceConfiguration : IEntityTypeConfiguration<Competence>
{
    public void Configure(EntityTypeBuilder<Competence> builder)
    {
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Limits.LongText);
    }
}

internal sealed class RoleCompetenceConfiguration : IEntityTypeConfiguration<RoleCompetence>
{
    public void Configure(EntityTypeBuilder<RoleCompetence> builder)
    {
        builder.HasOne<IsmsRole>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competence>().WithMany().HasForeignKey(r => r.CompetenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RoleId, r.CompetenceId }).IsUnique();
        builder.HasIndex(r => r.CompetenceId);
        builder.Property(r => r.Level).HasConversion<int>(); // compared in SQL: Expert > Working > Basic
    }
}

internal sealed class CompetenceEvidenceConfiguration : IEntityTypeConfiguration<CompetenceEvidence>
{
    public void Configure(EntityTypeBuilder<CompetenceEvidence> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competence>().WithMany().HasForeignKey(e => e.CompetenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PersonId, e.CompetenceId, e.ExpiresOn });
        builder.HasIndex(e => new { e.CompetenceId, e.ExpiresOn });
        builder.Property(e => e.Level).HasConversion<int>();
        builder.Property(e => e.Description).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(e => e.Issuer).HasMaxLength(Limits.Name);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.FileContentType).HasMaxLength(100);
        builder.Property(e => e.FileSha256).HasMaxLength(64);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class CompetenceActionConfiguration : IEntityTypeConfiguration<CompetenceAction>
{
    public void Configure(EntityTypeBuilder<CompetenceAction> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competence>().WithMany().HasForeignKey(a => a.CompetenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PersonId, a.CompetenceId, a.Status });
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.DueOn });
        builder.Property(a => a.Description).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(a => a.Outcome).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.OwnerId).HasMaxLength(450);
    }
}
