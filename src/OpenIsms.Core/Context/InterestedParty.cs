using OpenIsms.Core.Common;

namespace OpenIsms.Core.Context;

public enum PartyOrigin
{
    Internal,
    External,
}

/// <summary>A person or organisation with a stake in the ISMS (clause 4.2): customers, regulators, staff, suppliers.</summary>
[AuditName("InterestedParty")]
public sealed class InterestedParty : Entity
{
    public string Name { get; private set; } = "";

    public PartyOrigin Origin { get; private set; }

    public string? Description { get; private set; }

    public Result Update(string name, PartyOrigin origin, string? description)
    {
        var check = new Validation()
            .Required(nameof(Name), name, "Enter the name of the interested party.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .MaxLength(nameof(Description), description, Limits.LongText, "The description");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = name.Trim();
        Origin = origin;
        Description = Text.OrNull(description);
        return Result.Ok();
    }
}
