using System.Text.Json;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// A framework whose catalogue OpenIsms holds — ISO/IEC 27001:2022, NIST CSF 2.0, … — loaded from a data file by its
/// stable <see cref="Key"/>. What the catalogue filters on (the grouping, the levels, the attribute families and their
/// values) is described here, by the data, not in code.
/// </summary>
[AuditName("Framework")]
public sealed class Framework : Entity
{
    private Framework()
    {
    }

    public Framework(string key) => Key = key;

    /// <summary>The stable identifier that requirements name (<see cref="Requirement.FrameworkId"/>), e.g. "iso27001-2022".</summary>
    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The publisher's version of the content, e.g. "2022" or "1.2.0".</summary>
    public string? Edition { get; private set; }

    public string? Publisher { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>What the top-level groups are called ("Theme", "Function").</summary>
    public string GroupLabel { get; private set; } = "Theme";

    /// <summary>Whether an organisation may keep its Statement of Applicability against this framework's controls.</summary>
    public bool OffersSoa { get; private set; }

    /// <summary>Where the content came from: the data file and, for an OSCAL catalog, its own file.</summary>
    public string Source { get; private set; } = "";

    /// <summary>The attribute families as JSON: each with its key, name and values in the data's order.</summary>
    public string Families { get; private set; } = "[]";

    /// <summary>
    /// The organisation keeps its Statement of Applicability against this framework's controls; exactly one framework
    /// does (ISO/IEC 27001:2022 unless the organisation chose another that <see cref="OffersSoa"/>).
    /// </summary>
    public bool HoldsSoa { get; private set; }

    internal void ChooseForSoa(bool chosen) => HoldsSoa = chosen && OffersSoa;

    public IReadOnlyList<AttributeFamily> FamilyList => new FamilySet(Families).All;

    /// <summary>The families of a framework as stored, with the order of their values for sorting tags.</summary>
    public sealed class FamilySet(string json)
    {
        public IReadOnlyList<AttributeFamily> All { get; } = JsonSerializer.Deserialize<List<AttributeFamily>>(json) ?? [];

        public IReadOnlyList<string> InList => All.Where(f => f.InList).Select(f => f.Key).ToList();

        public int Position(string family, string value)
        {
            var f = All.Select((x, i) => (x, i)).FirstOrDefault(p => p.x.Key == family);
            var v = f.x?.Values.ToList().IndexOf(value) ?? -1;
            return (f.x is null ? 999 : f.i) * 1000 + (v < 0 ? 999 : v);
        }
    }

    internal void Apply(CatalogueFile file)
    {
        Name = file.Name.Trim();
        Edition = file.Edition?.Trim();
        Publisher = file.Publisher?.Trim();
        Description = file.Description?.Trim() ?? "";
        GroupLabel = string.IsNullOrWhiteSpace(file.GroupLabel) ? "Theme" : file.GroupLabel.Trim();
        OffersSoa = file.Soa;
        Source = file.Source;
        Families = JsonSerializer.Serialize(file.AttributeFamilies.Select(f => new AttributeFamily(f.Key, f.Name, f.InList, f.Values)).ToList());
    }
}

/// <summary>One attribute family of a framework (ISO/IEC 27002's "Control type"), with its values in order.</summary>
public sealed record AttributeFamily(string Key, string Name, bool InList, IReadOnlyList<string> Values);
