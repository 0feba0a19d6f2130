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

    public Result Update(IssueOrigin origin, string title, string? category, string? description, IssueEffect effect, bool climateRelated, string? response)
    {
        var check = new Validation()
            .Required(nameof(Title), title, "Enter a short title for the issue.")
            .MaxLength(nameof(Title), title, Limits.Name, "The title")
            .MaxLength(nameof(Category), category, 100, "The category")
            .MaxLength(nameof(Description), description, Limits.LongText, "The description")
            .MaxLength(nameof(Response), response, Limits.LongText, "The response");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Origin = origin;
        Title = title.Trim();
        Category = Text.OrNull(category);
        Description = Text.OrNull(description);
        Effect = effect;
        ClimateRelated = climateRelated;
        Response = Text.OrNull(response);
        return Result.Ok();
    }
}
