using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// The shape of a framework data file (Frameworks/Data/*.yaml; the format is described in docs/frameworks.md). A file
/// lists its requirements itself, or names an OSCAL catalog shipped beside it from which they are read.
/// </summary>
public sealed class CatalogueFile
{
    private const string Prefix = "OpenIsms.Frameworks.";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Edition { get; set; }

    public string? Publisher { get; set; }

    public string? Description { get; set; }

    public int DataVersion { get; set; }

    /// <summary>What the top-level groups are called in this framework ("Theme", "Function").</summary>
    public string? GroupLabel { get; set; }

    /// <summary>The organisation may keep its Statement of Applicability against this framework's controls.</summary>
    public bool Soa { get; set; }

    /// <summary>An OSCAL catalog (JSON) beside this file to read the requirements from, instead of listing them.</summary>
    public string? OscalCatalog { get; set; }

    public List<Family> AttributeFamilies { get; set; } = [];

    public List<Entry> Requirements { get; set; } = [];

    /// <summary>Where the content came from, for the framework's record: this file, and the catalog it read.</summary>
    [YamlIgnore]
    public string Source { get; set; } = "";

    public static CatalogueFile Parse(TextReader reader, Func<string, Stream?>? open = null)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<CatalogueFile>(reader);
        file.Source = file.Id + ".yaml";
        if (file.OscalCatalog is { } catalog)
        {
            using var stream = open?.Invoke(catalog)
                ?? throw new InvalidDataException($"Catalogue {file.Id}: the OSCAL catalog {catalog} is not there.");
            OscalCatalogReader.Read(stream, file);
            file.Source += ", " + catalog;
        }

        Check(file);
        return file;
    }

    /// <summary>The catalogues shipped with OpenIsms, embedded in this assembly.</summary>
    public static IEnumerable<CatalogueFile> Embedded()
    {
        var assembly = typeof(CatalogueFile).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return Parse(reader, file => assembly.GetManifestResourceStream(Prefix + file));
        }
    }

    private static void Check(CatalogueFile file)
    {
        var duplicate = file.Requirements.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Catalogue {file.Id}: requirement id {duplicate.Key} appears more than once.");
        }

        var families = file.AttributeFamilies.ToDictionary(f => f.Key);
        foreach (var entry in file.Requirements)
        {
            foreach (var (key, values) in entry.Attributes ?? [])
            {
                if (!families.TryGetValue(key, out var family))
                {
                    throw new InvalidDataException($"Catalogue {file.Id}: {entry.Id} has attributes of family {key}, which attributeFamilies does not declare.");
                }

                if (values.FirstOrDefault(v => !family.Values.Contains(v)) is { } unknown)
                {
                    throw new InvalidDataException($"Catalogue {file.Id}: {entry.Id} has {key} \"{unknown}\", which is not one of the family's values.");
                }
            }
        }
    }

    /// <summary>A family of attributes (ISO/IEC 27002's "Control type"), with its values in the order filters offer them.</summary>
    public sealed class Family
    {
        public string Key { get; set; } = "";

        public string Name { get; set; } = "";

        /// <summary>Shown beside each entry in the catalogue's list, not only on its page.</summary>
        public bool InList { get; set; }

        public List<string> Values { get; set; } = [];
    }

    public sealed class Entry
    {
        public string Id { get; set; } = "";

        public string? Parent { get; set; }

        public RequirementKind Kind { get; set; }

        /// <summary>The framework's name for the level ("Subcategory"); the kind's name when absent.</summary>
        public string? Class { get; set; }

        public string Title { get; set; } = "";

        public string? Theme { get; set; }

        public string? Statement { get; set; }

        public Dictionary<string, List<string>>? Attributes { get; set; }

        public string? DocumentedInformation { get; set; }

        public string? Guidance { get; set; }

        public List<string>? Evidence { get; set; }

        public List<string>? Examples { get; set; }

        public bool Withdrawn { get; set; }

        public List<string>? SucceededBy { get; set; }
    }
}
