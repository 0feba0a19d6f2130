using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace OpenIsms.Core.Risks;

/// <summary>
/// A risk methodology as a file people can read, keep beside their other documents and bring into another installation:
/// YAML or JSON (the same fields; YAML is read as a superset of JSON). The matrix and the acceptance threshold name risk
/// levels rather than numbering them, so that a person can write one by hand. The format is described in
/// docs/risk-methodology-file.md.
/// </summary>
public static class MethodologyFile
{
    public const string Format = "openisms-risk-methodology/1";

    /// <summary>The largest file read: a methodology is a few kilobytes.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The file's fields, in the order they are written.</summary>
    public sealed class Document
    {
        public string? Format { get; set; }

        public string? Name { get; set; }

        public int? ReviewIntervalMonths { get; set; }

        public List<Level?>? Likelihood { get; set; }

        public List<Level?>? Impact { get; set; }

        /// <summary>single, perArea or perCia.</summary>
        public string? ImpactMode { get; set; }

        public List<string>? ImpactAreas { get; set; }

        public List<RiskLevelEntry?>? Levels { get; set; }

        /// <summary>The highest risk level an owner may accept, by name.</summary>
        public string? AcceptUpTo { get; set; }

        /// <summary>One row per likelihood, lowest first; in each, the level of each impact, lowest first, by name.</summary>
        public List<List<string?>?>? Matrix { get; set; }
    }

    public sealed class Level
    {
        public string? Label { get; set; }

        public string? Description { get; set; }
    }

    public sealed class RiskLevelEntry
    {
        public string? Name { get; set; }

        public string? Colour { get; set; }

        public string? Description { get; set; }
    }

    /// <summary>What a file holds: the name and definition when it could be read, else the problems (each naming where it is).</summary>
    public sealed record Reading(string? Name, MethodologyDefinition? Definition, IReadOnlyList<string> Problems);

    public static string Yaml(string name, MethodologyDefinition definition)
    {
        var serializer = new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull).WithEventEmitter(next => new ListsOnOneLine(next)).Build();
        return "# An OpenIsms risk methodology (clause 6.1.2). Edit it, then bring it in under Risk methodology → Import a file.\n"
            + serializer.Serialize(ToDocument(name, definition));
    }

    public static string Json(string name, MethodologyDefinition definition) => JsonSerializer.Serialize(ToDocument(name, definition), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Document ToDocument(string name, MethodologyDefinition d) => new()
    {
        Format = Format,
        Name = name,
        ReviewIntervalMonths = d.ReviewIntervalMonths,
        Likelihood = d.Likelihood.Select(l => (Level?)new Level { Label = l.Label, Description = l.Description }).ToList(),
        Impact = d.Impact.Select(l => (Level?)new Level { Label = l.Label, Description = l.Description }).ToList(),
        ImpactMode = JsonNamingPolicy.CamelCase.ConvertName(d.ImpactMode.ToString()),
        ImpactAreas = d.ImpactAreas.Count > 0 ? [.. d.ImpactAreas] : null,
        Levels = d.Levels.Select(l => (RiskLevelEntry?)new RiskLevelEntry { Name = l.Name, Colour = l.Colour, Description = l.Description }).ToList(),
        AcceptUpTo = d.Levels[d.AcceptanceThreshold].Name,
        Matrix = d.Matrix.Select(row => (List<string?>?)row.Select(cell => (string?)d.Levels[cell].Name).ToList()).ToList(),
    };

    /// <summary>Reads a file written by <see cref="Yaml"/> or <see cref="Json"/>, or by hand; every problem is named, none is guessed.</summary>
    public static Reading Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return Failed("The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            return Failed($"The file is larger than {MaxBytes / 1024} KB; a methodology is a few kilobytes.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Failed("The file is not UTF-8 text. Save it as YAML or JSON in UTF-8.");
        }

        Document? document;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            document = deserializer.Deserialize<Document>(text);
        }
        catch (YamlException ex)
        {
            var why = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            if (why.Contains("not found on type", StringComparison.Ordinal) && ex.Start.Line > 0)
            {
                why = "this field is not part of a methodology file";
            }

            return Failed($"Line {ex.Start.Line}, column {ex.Start.Column}: {why}");
        }

        return document is null ? Failed("The file holds no methodology.") : Check(document);
    }

    private static Reading Failed(string problem) => new(null, null, [problem]);

    private static Reading Check(Document f)
    {
        var problems = new List<string>();
        if (f.Format is not null && f.Format != Format)
        {
            problems.Add($"format: \"{f.Format}\" is not a format this version reads (it reads \"{Format}\").");
        }

        if (string.IsNullOrWhiteSpace(f.Name))
        {
            problems.Add("name: the methodology needs a name.");
        }
        else if (f.Name.Trim().Length > Common.Limits.Name)
        {
            problems.Add($"name: the name is longer than {Common.Limits.Name} characters.");
        }

        // Lists longer than any methodology has are refused before their items are read (a YAML alias can repeat a
        // list many times over in a few bytes).
        bool TooLong<T>(List<T>? list, string field, int most)
        {
            if (list is { Count: var n } && n > most)
            {
                problems.Add($"{field}: it has {n} entries; a methodology has at most {most}.");
                return true;
            }

            return false;
        }

        List<ScaleLevel> Scale(List<Level?>? levels, string field)
        {
            if (levels is null || levels.Count == 0)
            {
                problems.Add($"{field}: the scale is missing; list its levels, lowest first.");
                return [];
            }

            if (TooLong(levels, field, MethodologyDefinition.MaxScale))
            {
                return [];
            }

            var blank = levels.FindIndex(l => l is null);
            if (blank >= 0)
            {
                problems.Add($"{field}: level {blank + 1} is empty; give it a label.");
                return [];
            }

            return levels.Select(l => new ScaleLevel(l!.Label?.Trim() ?? "", Common.Text.OrNull(l.Description))).ToList();
        }

        var likelihood = Scale(f.Likelihood, "likelihood");
        var impact = Scale(f.Impact, "impact");
        var mode = Risks.ImpactMode.Single;
        if (f.ImpactMode is { } modeText)
        {
            // By name only: Enum.TryParse would also take "7" or "single, perCia".
            var named = Enum.GetValues<ImpactMode>().Where(m => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(m.ToString()), modeText.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1)
            {
                mode = named[0];
            }
            else
            {
                problems.Add($"impactMode: \"{modeText}\" is not one of single, perArea, perCia.");
            }
        }

        TooLong(f.ImpactAreas, "impactAreas", 8);
        var levels = new List<RiskLevel>();
        if (!TooLong(f.Levels, "levels", 6))
        {
            var blank = (f.Levels ?? []).FindIndex(l => l is null);
            if (blank >= 0)
            {
                problems.Add($"levels: level {blank + 1} is empty; give it a name and a colour.");
            }

            levels = (f.Levels ?? []).Where(l => l is not null).Select(l => new RiskLevel(l!.Name?.Trim() ?? "", l.Colour?.Trim() ?? "", Common.Text.OrNull(l.Description))).ToList();
        }

        if (levels.Count == 0 && !problems.Any(p => p.StartsWith("levels:", StringComparison.Ordinal)))
        {
            problems.Add("levels: the risk levels are missing; list them, lowest first.");
        }

        int Level(string? name, string where)
        {
            var index = levels.FindIndex(l => string.Equals(l.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0 && levels.Count > 0)
            {
                problems.Add($"{where}: \"{name}\" is not one of the levels ({string.Join(", ", levels.Select(l => l.Name))}).");
            }

            return index;
        }

        var threshold = f.AcceptUpTo is null ? -1 : Level(f.AcceptUpTo, "acceptUpTo");
        if (f.AcceptUpTo is null)
        {
            problems.Add("acceptUpTo: name the highest risk level an owner may accept.");
        }

        var matrix = new List<IReadOnlyList<int>>();
        if (f.Matrix is null)
        {
            problems.Add("matrix: the matrix is missing; one row per likelihood, lowest first, each naming the level of every impact.");
        }
        else if (!TooLong(f.Matrix, "matrix", MethodologyDefinition.MaxScale) && !f.Matrix.Select((row, r) => TooLong(row, $"matrix row {r + 1}", MethodologyDefinition.MaxScale)).ToList().Contains(true))
        {
            if (f.Matrix.Count != likelihood.Count && likelihood.Count > 0)
            {
                problems.Add($"matrix: it has {f.Matrix.Count} row(s); the likelihood scale has {likelihood.Count} level(s).");
            }

            for (var r = 0; r < f.Matrix.Count; r++)
            {
                var row = f.Matrix[r] ?? [];
                var rowName = r < likelihood.Count ? $"matrix row {r + 1} ({likelihood[r].Label})" : $"matrix row {r + 1}";
                if (row.Count != impact.Count && impact.Count > 0)
                {
                    problems.Add($"{rowName}: it has {row.Count} cell(s); the impact scale has {impact.Count} level(s).");
                }

                matrix.Add(row.Select((cell, c) => Level(cell, c < impact.Count ? $"{rowName}, {impact[c].Label}" : $"{rowName}, cell {c + 1}")).ToList());
            }
        }

        if (f.ReviewIntervalMonths is null)
        {
            problems.Add("reviewIntervalMonths: say how often risks are reviewed, in months.");
        }

        if (problems.Count > 0)
        {
            return new(f.Name?.Trim(), null, problems.Count > 20 ? [.. problems.Take(20), $"… and {problems.Count - 20} more."] : problems);
        }

        var definition = new MethodologyDefinition
        {
            Likelihood = likelihood,
            Impact = impact,
            ImpactMode = mode,
            ImpactAreas = (f.ImpactAreas ?? []).Select(a => a?.Trim() ?? "").ToList(),
            Levels = levels,
            Matrix = matrix,
            AcceptanceThreshold = threshold,
            ReviewIntervalMonths = f.ReviewIntervalMonths!.Value,
        };
        var valid = definition.Validate();
        return valid.Succeeded
            ? new(f.Name!.Trim(), definition, [])
            : new(f.Name?.Trim(), null, valid.Errors.Select(e => $"{Field(e.Field)}: {e.Message}").ToList());
    }

    /// <summary>Lists of names (a matrix row, the impact areas) on one line, as a person writes them: [Low, Low, Medium].</summary>
    private sealed class ListsOnOneLine(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(SequenceStartEventInfo eventInfo, YamlDotNet.Core.IEmitter emitter)
        {
            if (eventInfo.Source.Type == typeof(List<string>))
            {
                eventInfo = new SequenceStartEventInfo(eventInfo.Source) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
            }

            base.Emit(eventInfo, emitter);
        }
    }

    private static string Field(string field) => field switch
    {
        nameof(MethodologyDefinition.AcceptanceThreshold) => "acceptUpTo",
        _ => JsonNamingPolicy.CamelCase.ConvertName(field),
    };
}
