using OpenIsms.Core.Common;

namespace OpenIsms.Core.Scope;

public enum ScopeItemKind
{
    OrganisationalUnit,
    Location,
    System,
    Process,
    Information,
    Other,
}

/// <summary>Something inside or outside the scope's boundary; an exclusion needs its justification.</summary>
[AuditName("ScopeItem")]
public sealed class ScopeItem : Entity
{
    private ScopeItem()
    {
    }

    private ScopeItem(Guid revisionId) => RevisionId = revisionId;

    public Guid RevisionId { get; private set; }

    public ScopeItemKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public bool InScope { get; private set; } = true;

    public string? Justification { get; private set; }

    public static Result<ScopeItem> Create(Guid revisionId, ScopeItemKind kind, string name, string? description, bool inScope, string? justification)
    {
        var item = new ScopeItem(revisionId);
        var result = item.Update(kind, name, description, inScope, justification);
        return result.Succeeded ? item : Result<ScopeItem>.From(result);
    }

    public ScopeItem CopyTo(Guid revisionId) => new(revisionId)
    {
        Kind = Kind, Name = Name, Description = Description, InScope = InScope, Justification = Justification,
    };

    public Result Update(ScopeItemKind kind, string name, string? description, bool inScope, string? justification)
    {
        var check = new Validation()
            .Required(nameof(Name), name, "Enter the name of the item.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .MaxLength(nameof(Description), description, Limits.LongText, "The description")
            .MaxLength(nameof(Justification), justification, Limits.LongText, "The justification")
            .Must(inScope || !string.IsNullOrWhiteSpace(justification), nameof(Justification),
                $"Enter a justification for excluding {(string.IsNullOrWhiteSpace(name) ? "this item" : name.Trim())}.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Kind = kind;
        Name = name.Trim();
        Description = Text.OrNull(description);
        InScope = inScope;
        Justification = Text.OrNull(justification);
        return Result.Ok();
    }
}
