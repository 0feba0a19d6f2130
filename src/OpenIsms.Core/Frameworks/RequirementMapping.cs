using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

/// <summary>How a source requirement relates to a target one: OSCAL's mapping model's relationship types.</summary>
public enum MappingRelationship
{
    /// <summary>Same intent, possibly different wording.</summary>
    EquivalentTo,

    /// <summary>Identical in wording and intent.</summary>
    EqualTo,

    /// <summary>The source is wholly covered by the target, which asks for more.</summary>
    SubsetOf,

    /// <summary>The source covers all of the target and more.</summary>
    SupersetOf,

    /// <summary>They overlap; each asks for something the other does not.</summary>
    IntersectsWith,

    /// <summary>Examined and found unrelated.</summary>
    NoRelationship,
}

/// <summary>
/// A crosswalk line between requirements of two frameworks (NIST CSF 2.0's GV.PO intersects with ISO/IEC 27001's A.5.1),
/// with the reason. Loaded from mapping data files; both requirements stay, so the foreign keys restrict.
/// </summary>
[AuditName("RequirementMapping")]
public sealed class RequirementMapping : Entity
{
    private RequirementMapping()
    {
    }

    public RequirementMapping(Guid sourceId, Guid targetId, string origin)
    {
        SourceId = sourceId;
        TargetId = targetId;
        Origin = origin;
    }

    public Guid SourceId { get; private set; }

    public Guid TargetId { get; private set; }

    public MappingRelationship Relationship { get; private set; }

    public string Rationale { get; private set; } = "";

    /// <summary>The mapping set it came from (its data file's key).</summary>
    public string Origin { get; private set; } = "";

    internal void Apply(MappingRelationship relationship, string? rationale)
    {
        Relationship = relationship;
        Rationale = rationale?.Trim() ?? "";
    }

    /// <summary>OSCAL's token for a relationship ("intersects-with").</summary>
    public static string Token(MappingRelationship r) => r switch
    {
        MappingRelationship.EquivalentTo => "equivalent-to",
        MappingRelationship.EqualTo => "equal-to",
        MappingRelationship.SubsetOf => "subset-of",
        MappingRelationship.SupersetOf => "superset-of",
        MappingRelationship.IntersectsWith => "intersects-with",
        _ => "no-relationship",
    };

    public static MappingRelationship? Parse(string? token) =>
        Enum.GetValues<MappingRelationship>().Select(r => (MappingRelationship?)r).FirstOrDefault(r => Token(r!.Value) == token?.Trim().ToLowerInvariant());

    /// <summary>The same relationship read from the target's side: a subset seen from the other end is a superset.</summary>
    public static MappingRelationship Inverse(MappingRelationship r) => r switch
    {
        MappingRelationship.SubsetOf => MappingRelationship.SupersetOf,
        MappingRelationship.SupersetOf => MappingRelationship.SubsetOf,
        _ => r,
    };

    /// <summary>In words, as a sentence reads it: "GV.PO <em>overlaps with</em> A.5.1".</summary>
    public static string Words(MappingRelationship r) => r switch
    {
        MappingRelationship.EquivalentTo => "is equivalent to",
        MappingRelationship.EqualTo => "is equal to",
        MappingRelationship.SubsetOf => "is covered by (a subset of)",
        MappingRelationship.SupersetOf => "covers (a superset of)",
        MappingRelationship.IntersectsWith => "overlaps with",
        _ => "has no relationship to",
    };
}

internal sealed class RequirementMappingConfiguration : IEntityTypeConfiguration<RequirementMapping>
{
    public void Configure(EntityTypeBuilder<RequirementMapping> builder)
    {
        builder.HasIndex(m => new { m.SourceId, m.TargetId }).IsUnique();
        builder.HasIndex(m => m.TargetId);
        builder.Property(m => m.Rationale).HasMaxLength(Limits.LongText);
        builder.Property(m => m.Origin).HasMaxLength(100).IsRequired();
        builder.HasOne<Requirement>().WithMany().HasForeignKey(m => m.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}
