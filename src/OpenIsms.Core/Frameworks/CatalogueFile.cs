using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Frameworks;

/// <summary>The shape of a framework data file (Frameworks/Data/*.yaml).</summary>
public sealed class CatalogueFile
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int DataVersion { get; set; }

    public List<Entry> Requirements { get; set; } = [];

    public static CatalogueFile Parse(TextReader reader)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<CatalogueFile>(reader);
        var duplicate = file.Requirements.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Catalogue {file.Id}: requirement id {duplicate.Key} appears more than once.");
        }

        return file;
    }

    /// <summary>The catalogues shipped with OpenIsms, embedded in this assembly.</summary>
    public static IEnumerable<CatalogueFile> Embedded()
    {
        var assembly = typeof(CatalogueFile).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("OpenIsms.Frameworks.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return Parse(reader);
        }
    }

    public sealed class Entry
    {
        public string Id { get; set; } = "";

        public string? Parent { get; set; }

        public RequirementKind Kind { get; set; }

        public string Title { get; set; } = "";

        public string? Theme { get; set; }

        public List<string>? ControlType { get; set; }

        public List<string>? Properties { get; set; }

        public List<string>? Concepts { get; set; }

        public List<string>? Capabilities { get; set; }

        public List<string>? Domains { get; set; }

        public string? DocumentedInformation { get; set; }

        public string? Guidance { get; set; }

        public List<string>? Evidence { get; set; }
    }
}
