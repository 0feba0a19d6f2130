using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

public enum RequirementSource
{
    Legal,
    Regulatory,
    Contractual,
    Other,
}

/// <summary>What an interested party requires, and whether (and how) the ISMS addresses it.</summary>
[AuditName("PartyRequirement")]
public sealed class PartyRequirement : Entity
{
    private PartyRequirement()
    {
    }

    public PartyRequirement(Guid partyId) => PartyId = partyId;

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid PartyId { get; private set; }

    public string Description { get; private set; } = "";

    public RequirementSource Source { get; private set; }

    public bool AddressedByIsms { get; private set; }

    /// <summary>How the ISMS addresses it, or why it does not.</summary>
    public string? Treatment { get; private set; }

    public Result Update(string description, RequirementSource source, bool addressed, string? treatment)
    {
        var check = new Validation()
            .Required(nameof(Description), description, "Describe the requirement.")
            .MaxLength(nameof(Description), description, Limits.ShortText * 4, "The requirement")
            .MaxLength(nameof(Treatment), treatment, Limits.LongText, "The explanation")
            .Must(addressed || !string.IsNullOrWhiteSpace(treatment), nameof(Treatment),
                "Explain why the ISMS does not address this requirement.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Description = description.Trim();
        Source = source;
        AddressedByIsms = addressed;
        Treatment = Text.OrNull(treatment);
        return Result.Ok();
    }
}
