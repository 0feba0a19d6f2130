using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// One attribute value of a requirement — (A.5.1, control type, Preventive), (GV.OC-01, risk party, 1st Party Risk) — as
/// a row, so that a framework brings its own families and the filters are built from the data.
/// </summary>
[AuditName("RequirementAttribute")]
public sealed class RequirementAttribute : Entity
{
    private RequirementAttribute()
    {
    }

    public RequirementAttribute(Guid requirementId, string family, string value)
    {
        RequirementId = requirementId;
        Family = family;
        Value = value;
    }

    public Guid RequirementId { get; private set; }

    /// <summary>The family's key in its framework (<see cref="AttributeFamily.Key"/>).</summary>
    public string Family { get; private set; } = "";

    public string Value { get; private set; } = "";
}

internal sealed class RequirementAttributeConfiguration : IEntityTypeConfiguration<RequirementAttribute>
{
    public void Configure(EntityTypeBuilder<RequirementAttribute> builder)
    {
        builder.HasIndex(a => new { a.RequirementId, a.Family, a.Value }).IsUnique();
        builder.HasIndex(a => new { a.Value, a.RequirementId });
        builder.Property(a => a.Family).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Value).HasMaxLength(100).IsRequired();
        builder.HasOne<Requirement>().WithMany().HasForeignKey(a => a.RequirementId).OnDelete(DeleteBehavior.Restrict);
    }
}
