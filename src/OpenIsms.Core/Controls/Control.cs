using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

public enum ControlType
{
    Preventive,
    Detective,
    Corrective,
}

public enum ControlFrequency
{
    Continuous,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    OnEvent,
}

public enum ControlStatus
{
    NotStarted,
    Planned,
    Implemented,
    Operating,
    Ineffective,
}

/// <summary>
/// One of the organisation's own controls — "quarterly access review", "backup with monthly restore test" — with an
/// owner, how often it operates and how far it is. It implements one or more Annex A controls.
/// </summary>
[AuditName("Control")]
public sealed class Control : Entity, IAutoNumbered
{
    public const string Prefix = "CTL-";

    private bool numberedAutomatically;

    public string Reference { get; private set; } = "";

    string IAutoNumbered.ReferencePrefix => Prefix;

    bool IAutoNumbered.NumberedAutomatically => numberedAutomatically;

    /// <summary>The identifier was left blank: the one given now is provisional, the save gives the final one.</summary>
    public void NumberAutomatically() => numberedAutomatically = true;

    void IAutoNumbered.Renumber(string reference) => Reference = reference;

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? OwnerId { get; private set; }

    public ControlType Type { get; private set; }

    public ControlFrequency Frequency { get; private set; }

    public ControlStatus Status { get; private set; }

    /// <summary>Applies the command's values after checking them; <paramref name="reference"/> is the identifier to give (a placeholder until an automatic number is drawn).</summary>
    public Result Update(SaveControl.Command d, string reference)
    {
        var check = new Validation()
            .Required(nameof(Reference), reference, "Enter the control's identifier, for example CTL-001.")
            .MaxLength(nameof(Reference), reference, 50, "The identifier")
            .Required(nameof(Name), d.Name, "Enter the control's name.")
            .MaxLength(nameof(Name), d.Name, Limits.Name, "The name")
            .MaxLength(nameof(Description), d.Description, Limits.LongText, "The description")
            .Must(Enum.IsDefined(d.Type), nameof(Type), "Choose a control type.")
            .Must(Enum.IsDefined(d.Frequency), nameof(Frequency), "Choose how often the control operates.")
            .Must(Enum.IsDefined(d.Status), nameof(Status), "Choose a status.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Reference = reference.Trim();
        Name = d.Name!.Trim();
        Description = Text.OrNull(d.Description);
        OwnerId = Text.OrNull(d.OwnerId);
        Type = d.Type;
        Frequency = d.Frequency;
        Status = d.Status;
        return Result.Ok();
    }
}

/// <summary>A framework requirement (an Annex A control) that one of the organisation's controls implements.</summary>
[AuditName("ControlRequirement")]
public sealed class ControlRequirement : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ControlId { get; init; }

    public Guid RequirementId { get; init; }
}

internal sealed class ControlConfiguration : IEntityTypeConfiguration<Control>
{
    public void Configure(EntityTypeBuilder<Control> builder)
    {
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => new { c.Status, c.Reference });
        builder.HasIndex(c => new { c.OwnerId, c.Status });
        // Covers the SoA's count of implementing controls by status: no table lookup.
        builder.HasIndex(c => new { c.Id, c.Status });
        builder.Property(c => c.Reference).HasMaxLength(50).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Limits.LongText);
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ControlRequirementConfiguration : IEntityTypeConfiguration<ControlRequirement>
{
    public void Configure(EntityTypeBuilder<ControlRequirement> builder)
    {
        builder.HasOne<Control>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Requirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ControlId, x.RequirementId }).IsUnique();
        builder.HasIndex(x => new { x.RequirementId, x.ControlId });
    }
}
