using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Context;

internal sealed class ContextIssueConfiguration : IEntityTypeConfiguration<ContextIssue>
{
    public void Configure(EntityTypeBuilder<ContextIssue> builder)
    {
        builder.HasIndex(i => new { i.Origin, i.Title });
        builder.Property(i => i.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(i => i.Category).HasMaxLength(100);
        builder.Property(i => i.Description).HasMaxLength(Limits.LongText);
        builder.Property(i => i.Response).HasMaxLength(Limits.LongText);
    }
}

internal sealed class InterestedPartyConfiguration : IEntityTypeConfiguration<InterestedParty>
{
    public void Configure(EntityTypeBuilder<InterestedParty> builder)
    {
        builder.HasIndex(p => p.Name);
        builder.Property(p => p.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Limits.LongText);
    }
}

internal sealed class PartyRequirementConfiguration : IEntityTypeConfiguration<PartyRequirement>
{
    public void Configure(EntityTypeBuilder<PartyRequirement> builder)
    {
        builder.HasOne<InterestedParty>().WithMany().HasForeignKey(r => r.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PartyId);
        builder.Property(r => r.Description).HasMaxLength(Limits.ShortText * 4).IsRequired();
        builder.Property(r => r.Treatment).HasMaxLength(Limits.LongText);
    }
}
