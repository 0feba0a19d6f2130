using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

public enum RequirementKind
{
    Clause,
    Theme,
    Control,
}

/// <summary>
/// One entry of a framework's catalogue: a clause, an Annex A theme or a control. Identified by
/// (<see cref="FrameworkId"/>, <see cref="Code"/>), stable across new versions of the data file.
/// Attribute lists are stored as ";a;b;" so that filtering by one value is a LIKE in SQL.
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

    public string FrameworkId { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string? ParentCode { get; private set; }

    public RequirementKind Kind { get; private set; }

    public int SortOrder { get; private set; }

    public string Title { get; private set; } = "";

    public string? Theme { get; private set; }

    public string ControlTypes { get; private set; } = "";

    public string Properties { get; private set; } = "";

    public string Concepts { get; private set; } = "";

    public string Capabilities { get; private set; } = "";

    public string Domains { get; private set; } = "";

    public string Guidance { get; private set; } = "";

    /// <summary>Typical evidence, one item per line.</summary>
    public string Evidence { get; private set; } = "";

    public string? DocumentedInformation { get; private set; }

    /// <summary>Whether any of the attribute lists holds the tag, written ";value;".</summary>
    public bool HasTag(string tag) =>
        ControlTypes.Contains(tag, StringComparison.Ordinal) || Properties.Contains(tag, StringComparison.Ordinal) || Concepts.Contains(tag, StringComparison.Ordinal)
        || Capabilities.Contains(tag, StringComparison.Ordinal) || Domains.Contains(tag, StringComparison.Ordinal);

    public static string JoinTags(IEnumerable<string>? values) =>
        values is null || !values.Any() ? "" : ";" + string.Join(';', values) + ";";

    public static IReadOnlyList<string> SplitTags(string stored) =>
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Copies the data file's values; EF only writes (and logs) the fields that differ.</summary>
    internal void Apply(CatalogueFile.Entry source, int sortOrder)
    {
        ParentCode = source.Parent;
        Kind = source.Kind;
        SortOrder = sortOrder;
        Title = source.Title.Trim();
        Theme = source.Theme;
        ControlTypes = JoinTags(source.ControlType);
        Properties = JoinTags(source.Properties);
        Concepts = JoinTags(source.Concepts);
        Capabilities = JoinTags(source.Capabilities);
        Domains = JoinTags(source.Domains);
        Guidance = source.Guidance?.Trim() ?? "";
        Evidence = string.Join('\n', source.Evidence ?? []);
        DocumentedInformation = source.DocumentedInformation?.Trim();
    }
}
