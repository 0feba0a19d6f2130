using OpenIsms.Core.Common;

namespace OpenIsms.Core.Context;

public enum IssueOrigin
{
    Internal,
    External,
}

public enum IssueEffect
{
    Risk,
    Opportunity,
    Neutral,
}

/// <summary>An internal or external issue that affects what the ISMS can achieve (clause 4.1).</summary>
[AuditName("ContextIssue")]
public sealed class ContextIssue : Entity
{
    public IssueOrigin Origin { get; private set; }

    public string Title { get; private set; } = "";

    public string? Category { get; private set; }

    public string? Description { get; private set; }

    public IssueEffect Effect { get; private set; }

    public bool ClimateRelated { get; private set; }

    /// <summary>How the ISMS takes the issue into account (a risk, a control, an objective, monitoring).</summary>
    public string? Response { get; private set; }

    public Result Update(SaveContextIssue.Command c)
    {
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Enter a short title for the issue.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .MaxLength(nameof(Category), c.Category, 100, "The category")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description")
            .MaxLength(nameof(Response), c.Response, Limits.LongText, "The response");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Origin = c.Origin;
        Title = c.Title!.Trim();
        Category = Text.OrNull(c.Category);
        Description = Text.OrNull(c.Description);
        Effect = c.Effect;
        ClimateRelated = c.ClimateRelated;
        Response = Text.OrNull(c.Response);
        return Result.Ok();
    }
}
