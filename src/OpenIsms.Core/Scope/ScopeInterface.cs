using OpenIsms.Core.Common;

namespace OpenIsms.Core.Scope;

public enum InterfaceKind
{
    Interface,
    Dependency,
}

/// <summary>Where the ISMS meets what is outside it: an interface with, or a dependency on, another party.</summary>
[AuditName("ScopeInterface")]
public sealed class ScopeInterface : Entity
{
    private ScopeInterface()
    {
    }

    private ScopeInterface(Guid revisionId) => RevisionId = revisionId;

    public Guid RevisionId { get; private set; }

    public InterfaceKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    public string? Counterparty { get; private set; }

    public string? Description { get; private set; }

    public static Result<ScopeInterface> Create(Guid revisionId, InterfaceKind kind, string name, string? counterparty, string? description)
    {
        var item = new ScopeInterface(revisionId);
        var result = item.Update(kind, name, counterparty, description);
        return result.Succeeded ? item : Result<ScopeInterface>.From(result);
    }

    public ScopeInterface CopyTo(Guid revisionId) => new(revisionId)
    {
        Kind = Kind, Name = Name, Counterparty = Counterparty, Description = Description,
    };

    public Result Update(InterfaceKind kind, string name, string? counterparty, string? description)
    {
        var check = new Validation()
            .Required(nameof(Name), name, "Enter the name of the interface or dependency.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .MaxLength(nameof(Counterparty), counterparty, Limits.Name, "The other party")
            .MaxLength(nameof(Description), description, Limits.LongText, "The description");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Kind = kind;
        Name = name.Trim();
        Counterparty = Text.OrNull(counterparty);
        Description = Text.OrNull(description);
        return Result.Ok();
    }
}
