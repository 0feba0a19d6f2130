using OpenIsms.Core.Common;

namespace OpenIsms.Core.Risks;

public enum MethodologyStatus
{
    Draft,
    Approved,
    Superseded,
}

/// <summary>
/// A numbered version of the risk methodology. A draft can be edited; approving freezes it and supersedes the
/// previous approved version; a change after that is a new draft version. Every assessment names the version it used.
/// </summary>
[AuditName("RiskMethodology")]
public sealed class RiskMethodology : Entity
{
    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public MethodologyStatus Status { get; private set; }

    public string DefinitionJson { get; private set; } = "";

    public string? ChangeNote { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public MethodologyDefinition Definition => MethodologyDefinition.FromJson(DefinitionJson);

    public bool IsDraft => Status == MethodologyStatus.Draft;

    public static RiskMethodology FirstDraft(MethodologyDefinition definition) => new()
    {
        Number = 1,
        Name = "Risk methodology",
        Status = MethodologyStatus.Draft,
        DefinitionJson = definition.ToJson(),
        ChangeNote = "The default 5 × 5 methodology.",
    };

    /// <summary>The draft that follows the latest version (a copy of it), or the first, from the default, when there is none.</summary>
    public static RiskMethodology DraftAfter(RiskMethodology? latest) => latest is null ? FirstDraft(MethodologyDefinition.Default()) : latest.NextDraft(latest.Number + 1);

    public RiskMethodology NextDraft(int number) => new()
    {
        Number = number,
        Name = Name,
        Status = MethodologyStatus.Draft,
        DefinitionJson = DefinitionJson,
    };

    public Result Update(string name, MethodologyDefinition definition, string? changeNote)
    {
        if (!IsDraft)
        {
            return Result.Fail($"Version {Number} is approved and frozen. Start a new version to change it.");
        }

        var check = new Validation()
            .Required(nameof(Name), name, "Enter a name for the methodology.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .MaxLength(nameof(ChangeNote), changeNote, Limits.ShortText, "The change note");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var valid = definition.Validate();
        if (!valid.Succeeded)
        {
            return valid;
        }

        Name = name.Trim();
        DefinitionJson = definition.ToJson();
        ChangeNote = Text.OrNull(changeNote);
        return Result.Ok();
    }

    public Result Approve(string userId, string userName, DateTime now)
    {
        if (!IsDraft)
        {
            return Result.Fail($"Version {Number} is already approved.");
        }

        var valid = Definition.Validate();
        if (!valid.Succeeded)
        {
            return valid;
        }

        Status = MethodologyStatus.Approved;
        ApprovedById = userId;
        ApprovedByName = userName;
        ApprovedAt = now;
        return Result.Ok();
    }

    public void Supersede() => Status = MethodologyStatus.Superseded;
}
