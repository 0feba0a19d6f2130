using OpenIsms.Core.Common;

namespace OpenIsms.Core.Scope;

public enum ScopeStatus
{
    Draft,
    Approved,
    Superseded,
}

public enum ClimateRelevance
{
    NotDetermined,
    Relevant,
    NotRelevant,
}

/// <summary>
/// One version of the ISMS scope (clause 4.3) with the climate-change determination (4.1).
/// An approved version is frozen; changing the scope starts the next version as a draft.
/// </summary>
[AuditName("ScopeRevision")]
public sealed class ScopeRevision : Entity
{
    private ScopeRevision()
    {
    }

    private ScopeRevision(int number) => Number = number;

    public int Number { get; private set; }

    public ScopeStatus Status { get; private set; }

    public string Statement { get; private set; } = "";

    public ClimateRelevance ClimateChange { get; private set; }

    public string? ClimateChangeRationale { get; private set; }

    public string? ChangeNote { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public bool IsDraft => Status == ScopeStatus.Draft;

    public static ScopeRevision First() => new(1);

    /// <summary>The next draft, starting from this version's text.</summary>
    public ScopeRevision StartNext() => new(Number + 1)
    {
        Statement = Statement,
        ClimateChange = ClimateChange,
        ClimateChangeRationale = ClimateChangeRationale,
    };

    public Result Update(string statement, ClimateRelevance climate, string? rationale, string? changeNote)
    {
        if (!IsDraft)
        {
            return Result.Fail($"Version {Number} of the scope is approved and cannot change. Start a new version to revise it.");
        }

        var check = new Validation()
            .MaxLength(nameof(Statement), statement, Limits.Statement, "The scope statement")
            .MaxLength(nameof(ClimateChangeRationale), rationale, Limits.LongText, "The rationale")
            .MaxLength(nameof(ChangeNote), changeNote, Limits.ShortText, "The change note")
            .Must(climate == ClimateRelevance.NotDetermined || !string.IsNullOrWhiteSpace(rationale),
                nameof(ClimateChangeRationale), "Explain why climate change is or is not relevant to your ISMS.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Statement = statement.Trim();
        ClimateChange = climate;
        ClimateChangeRationale = Text.OrNull(rationale);
        ChangeNote = Text.OrNull(changeNote);
        return Result.Ok();
    }

    public Result Approve(string userId, string userName, DateTime now)
    {
        if (!IsDraft)
        {
            return Result.Fail($"Version {Number} is already {Status.ToString().ToLowerInvariant()}.");
        }

        var check = new Validation()
            .Required(nameof(Statement), Statement, "Write the scope statement before approving the scope.")
            .Must(ClimateChange != ClimateRelevance.NotDetermined, nameof(ClimateChange),
                "Decide whether climate change is relevant before approving the scope.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Status = ScopeStatus.Approved;
        ApprovedById = userId;
        ApprovedByName = userName;
        ApprovedAt = now;
        return Result.Ok();
    }

    public void Supersede()
    {
        if (Status == ScopeStatus.Approved)
        {
            Status = ScopeStatus.Superseded;
        }
    }
}
