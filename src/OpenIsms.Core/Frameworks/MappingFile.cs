using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Frameworks;

/// <summary>A set of mappings between two frameworks' requirements (Frameworks/Data/Mappings/*.yaml; see docs/frameworks.md).</summary>
public sealed class MappingFile
{
    private const string Prefix = "OpenIsms.Mappings.";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The source framework's key.</summary>
    public string Source { get; set; } = "";

    /// <summary>The target framework's key.</summary>
    public string Target { get; set; } = "";

    public List<Line> Mappings { get; set; } = [];

    public static MappingFile Parse(TextReader reader)
    {
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<MappingFile>(reader);
        if (file.Mappings.FirstOrDefault(m => RequirementMapping.Parse(m.Relationship) is null) is { } bad)
        {
            throw new InvalidDataException($"Mappings {file.Id}: {bad.Source} → {bad.Target} has the relationship \"{bad.Relationship}\", which is none of OSCAL's.");
        }

        if (file.Mappings.GroupBy(m => (m.Source, m.Target)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"Mappings {file.Id}: {twice.Key.Source} → {twice.Key.Target} appears more than once.");
        }

        return file;
    }

    /// <summary>The mapping sets shipped with OpenIsms.</summary>
    public static IEnumerable<MappingFile> Embedded()
    {
        var assembly = typeof(MappingFile).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return Parse(reader);
        }
    }

    public sealed class Line
    {
        public string Source { get; set; } = "";

        public string Target { get; set; } = "";

        public string Relationship { get; set; } = "";

        public string? Rationale { get; set; }
    }
}
