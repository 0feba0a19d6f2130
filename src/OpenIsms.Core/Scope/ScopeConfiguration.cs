using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Scope;

internal sealed class ScopeRevisionConfiguration : IEntityTypeConfiguration<ScopeRevision>
{
    public void Configure(EntityTypeBuilder<ScopeRevision> builder)
    {
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.Statement).HasMaxLength(Limits.Statement);
        builder.Property(r => r.ClimateChangeRationale).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ChangeNote).HasMaxLength(Limits.ShortText);
        builder.Property(r => r.ApprovedById).HasMaxLength(64);
        builder.Property(r => r.ApprovedByName).HasMaxLength(256);
    }
}

internal sealed class ScopeItemConfiguration : IEntityTypeConfiguration<ScopeItem>
{
    public void Configure(EntityTypeBuilder<ScopeItem> builder)
    {
        builder.HasOne<ScopeRevision>().WithMany().HasForeignKey(i => i.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.RevisionId, i.Kind, i.Name });
        builder.Property(i => i.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(Limits.LongText);
        builder.Property(i => i.Justification).HasMaxLength(Limits.LongText);
    }
}

internal sealed class ScopeInterfaceConfiguration : IEntityTypeConfiguration<ScopeInterface>
{
    public void Configure(EntityTypeBuilder<ScopeInterface> builder)
    {
        builder.HasOne<ScopeRevision>().WithMany().HasForeignKey(i => i.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.RevisionId, i.Name });
        builder.Property(i => i.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Counterparty).HasMaxLength(Limits.Name);
        builder.Property(i => i.Description).HasMaxLength(Limits.LongText);
    }
}
