using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Frameworks;

namespace OpenIsms.Core.Soa;

/// <summary>Why an Annex A control is included, besides the risks whose treatment plans on it (those are listed automatically).</summary>
public enum InclusionReason
{
    LegalOrRegulatory,
    Contractual,
    BusinessNeed,
    BestPractice,
}

/// <summary>
/// The Statement of Applicability's decision for one Annex A control: applicable or not, why, and — for an exclusion —
/// the justification an auditor will ask for. Implementation status comes from the controls that implement it,
/// unless overridden with a reason.
/// </summary>
[AuditName("SoaEntry")]
public sealed class SoaEntry : Entity
{
    public Guid RequirementId { get; init; }

    public bool? Applicable { get; private set; }

    /// <summary>";Contractual;BestPractice;" — so that filtering on one reason is a LIKE.</summary>
    public string Reasons { get; private set; } = "";

    public string? ExclusionJustification { get; private set; }

    /// <summary>The organisation's own words on why an applicable control is included, beside the reasons.</summary>
    public string? InclusionJustification { get; private set; }

    public ControlStatus? StatusOverride { get; private set; }

    public string? OverrideReason { get; private set; }

    public string? Notes { get; private set; }

    public IReadOnlyList<InclusionReason> ReasonList =>
        Reasons.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.TryParse<InclusionReason>(r, out var v) ? v : (InclusionReason?)null).OfType<InclusionReason>().ToList();

    /// <summary>Reasons as a form posts them (their names); anything unknown is ignored.</summary>
    public static IReadOnlyList<InclusionReason> ParseReasons(IEnumerable<string?> names) =>
        names.Select(n => Enum.TryParse<InclusionReason>(n, out var r) && Enum.IsDefined(r) ? r : (InclusionReason?)null).OfType<InclusionReason>().Distinct().ToList();

    public sealed record Decision
    {
        public required bool? Applicable { get; init; }

        public required IReadOnlyCollection<InclusionReason> Reasons { get; init; }

        public required string? ExclusionJustification { get; init; }

        /// <summary>Why it is included, in words; kept only for an applicable control.</summary>
        public string? InclusionJustification { get; init; }

        public required ControlStatus? StatusOverride { get; init; }

        public required string? OverrideReason { get; init; }

        public required string? Notes { get; init; }
    }

    /// <summary>Applies a decision. <paramref name="treatsRisks"/>: risks plan on this control, which is itself a reason to include it.</summary>
    public Result Decide(Decision d, bool treatsRisks)
    {
        var check = new Validation()
            .Must(d.Applicable != false || !string.IsNullOrWhiteSpace(d.ExclusionJustification), nameof(ExclusionJustification),
                "Say why this control is not applicable: an auditor checks every exclusion.")
            .Must(d.Applicable != true || d.Reasons.Count > 0 || treatsRisks, nameof(Reasons),
                "Give at least one reason for including it (no risk plans on it yet).")
            .Must(d.StatusOverride is null || !string.IsNullOrWhiteSpace(d.OverrideReason), nameof(OverrideReason),
                "Say why the status differs from what the implementing controls show.")
            .MaxLength(nameof(ExclusionJustification), d.ExclusionJustification, Limits.LongText, "The justification")
            .MaxLength(nameof(InclusionJustification), d.InclusionJustification, Limits.LongText, "The justification")
            .MaxLength(nameof(OverrideReason), d.OverrideReason, Limits.ShortText, "The reason")
            .MaxLength(nameof(Notes), d.Notes, Limits.LongText, "The notes");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Applicable = d.Applicable;
        Reasons = d.Applicable == true && d.Reasons.Count > 0 ? ";" + string.Join(";", d.Reasons.Distinct().OrderBy(r => r)) + ";" : "";
        ExclusionJustification = d.Applicable == false ? d.ExclusionJustification!.Trim() : null;
        InclusionJustification = d.Applicable == true ? Text.OrNull(d.InclusionJustification) : null;
        StatusOverride = d.StatusOverride;
        OverrideReason = d.StatusOverride is null ? null : d.OverrideReason!.Trim();
        Notes = Text.OrNull(d.Notes);
        return Result.Ok();
    }
}

/// <summary>An approved, numbered and frozen Statement of Applicability: every row as it stood, who approved it and when.</summary>
[AuditName("SoaVersion")]
public sealed class SoaVersion : Entity
{
    public int Number { get; init; }

    public string ApprovedById { get; init; } = "";

    public string ApprovedByName { get; init; } = "";

    public DateTime ApprovedAt { get; init; }

    public string? Note { get; init; }

    public string RowsJson { get; init; } = "[]";

    public IReadOnlyList<SoaRow> Rows => JsonSerializer.Deserialize<List<SoaRow>>(RowsJson) ?? [];
}

/// <summary>One row of the SoA as it reads: what an auditor sees, and what a version freezes.</summary>
public sealed record SoaRow
{
    public string Code { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Theme { get; init; }

    public bool? Applicable { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<string> TreatedRisks { get; init; } = [];

    public string? ExclusionJustification { get; init; }

    public string? InclusionJustification { get; init; }

    public string Status { get; init; } = "";

    public string? OverrideReason { get; init; }

    public IReadOnlyList<string> ImplementedBy { get; init; } = [];

    public string? Notes { get; init; }
}

internal sealed class SoaEntryConfiguration : IEntityTypeConfiguration<SoaEntry>
{
    public void Configure(EntityTypeBuilder<SoaEntry> builder)
    {
        builder.HasOne<Requirement>().WithMany().HasForeignKey(e => e.RequirementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.RequirementId).IsUnique();
        builder.Property(e => e.Reasons).HasMaxLength(200).IsRequired();
        builder.Property(e => e.ExclusionJustification).HasMaxLength(Limits.LongText);
        builder.Property(e => e.InclusionJustification).HasMaxLength(Limits.LongText);
        builder.Property(e => e.OverrideReason).HasMaxLength(Limits.ShortText);
        builder.Property(e => e.Notes).HasMaxLength(Limits.LongText);
        builder.Ignore(e => e.ReasonList);
    }
}

internal sealed class SoaVersionConfiguration : IEntityTypeConfiguration<SoaVersion>
{
    public void Configure(EntityTypeBuilder<SoaVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.ApprovedById).HasMaxLength(450).IsRequired();
        builder.Property(v => v.ApprovedByName).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(v => v.Note).HasMaxLength(Limits.ShortText);
        builder.Property(v => v.RowsJson).IsRequired();
        builder.Ignore(v => v.Rows);
    }
}
