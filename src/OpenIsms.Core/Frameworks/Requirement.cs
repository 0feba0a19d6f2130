using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

/// <summary>What a catalogue entry is structurally: a management-system clause, a group of controls, or a control.</summary>
public enum RequirementKind
{
    Clause,
    Theme,
    Control,
}

/// <summary>
/// One entry of a framework's catalogue: a clause, a group (an Annex A theme, a CSF function) or a control (an Annex A
/// control, a CSF category or subcategory). Identified by (<see cref="FrameworkId"/>, <see cref="Code"/>), stable across
/// new versions of the data file; its attributes are rows (<see cref="RequirementAttribute"/>).
/// </summary>
[AuditName("Requirement")]
public sealed class Requirement : Entity
{
    private Requirement()
    {
    }

    public Requirement(string frameworkId, string code)
    {
        FrameworkId = frameworkId;
        Code = code;
    }

    /// <summary>The framework's <see cref="Framework.Key"/>: every lookup by code names it too.</summary>
    public string FrameworkId { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string? ParentCode { get; private set; }

    public RequirementKind Kind { get; private set; }

    /// <summary>The framework's own name for the entry's level: "Clause", "Control", "Function", "Subcategory".</summary>
    public string Class { get; private set; } = "";

    public int SortOrder { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The group it belongs to (an Annex A theme, a CSF function), for filtering.</summary>
    public string? Theme { get; private set; }

    /// <summary>The framework's own wording, where its publisher allows it to be reproduced (NIST's, not ISO's).</summary>
    public string Statement { get; private set; } = "";

    public string Guidance { get; private set; } = "";

    /// <summary>Typical evidence, one item per line.</summary>
    public string Evidence { get; private set; } = "";

    /// <summary>The publisher's implementation examples, one per line.</summary>
    public string Examples { get; private set; } = "";

    public string? DocumentedInformation { get; private set; }

    /// <summary>Kept for traceability from an earlier edition; no longer part of the framework.</summary>
    public bool Withdrawn { get; private set; }

    /// <summary>For a withdrawn entry, the codes of the entries that took it over, ";"-separated.</summary>
    public string? SucceededBy { get; private set; }

    public IReadOnlyList<string> Successors =>
        SucceededBy?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Copies the data file's values; EF only writes (and logs) the fields that differ.</summary>
    internal void Apply(CatalogueFile.Entry source, int sortOrder)
    {
        ParentCode = source.Parent;
        Kind = source.Kind;
        Class = string.IsNullOrWhiteSpace(source.Class) ? source.Kind.ToString() : source.Class.Trim();
        SortOrder = sortOrder;
        Title = source.Title.Trim();
        Theme = source.Theme;
        Statement = source.Statement?.Trim() ?? "";
        Guidance = source.Guidance?.Trim() ?? "";
        Evidence = string.Join('\n', source.Evidence ?? []);
        Examples = string.Join('\n', source.Examples ?? []);
        DocumentedInformation = source.DocumentedInformation?.Trim();
        Withdrawn = source.Withdrawn;
        SucceededBy = source.SucceededBy is { Count: > 0 } next ? string.Join(';', next) : null;
    }
}
