using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Readiness;

/// <summary>One readiness rule, as the rules file states it.</summary>
public sealed class ReadinessRule
{
    public string Id { get; set; } = "";

    public string Clause { get; set; } = "";

    public int Weight { get; set; } = 1;

    public string Check { get; set; } = "";

    /// <summary>Where it is fixed: a page's key, which the web layer turns into an address.</summary>
    public string Fix { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The group on the readiness page: the clause's number ("6" for 6.1.3), "A" or "Operating".</summary>
    public string Group => Clause.Split('.')[0];
}

/// <summary>The readiness rules, read once from the data file in the repository (Readiness/Data/readiness-rules.yaml).</summary>
public static class ReadinessRules
{
    private sealed class File
    {
        public List<ReadinessRule> Rules { get; set; } = [];
    }

    public static IReadOnlyList<ReadinessRule> All { get; } = Load();

    private static List<ReadinessRule> Load()
    {
        using var stream = typeof(ReadinessRules).Assembly.GetManifestResourceStream("OpenIsms.Readiness.readiness-rules.yaml")
            ?? throw new InvalidOperationException("The readiness rules file is missing from the build.");
        using var reader = new StreamReader(stream);
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<File>(reader);
        var unknown = file.Rules.Where(r => !ReadinessChecks.All.ContainsKey(r.Check)).Select(r => r.Id).ToList();
        if (unknown.Count > 0 || file.Rules.Select(r => r.Id).Distinct().Count() != file.Rules.Count)
        {
            throw new InvalidOperationException($"The readiness rules name unknown checks or repeat an id: {string.Join(", ", unknown)}.");
        }

        return file.Rules;
    }
}
