using System.Text;
using OpenIsms.Core.Risks;

namespace OpenIsms.UnitTests.Risks;

/// <summary>A methodology goes out as YAML or JSON and comes back as it was; a hand-written file's mistakes are each named where they are.</summary>
public class MethodologyFileTests
{
    private static MethodologyFile.Reading Read(string text) => MethodologyFile.Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void TheDefault_WrittenAsYaml_ReadsBackAsItWas()
    {
        var yaml = MethodologyFile.Yaml("Our methodology", MethodologyDefinition.Default());
        yaml.ShouldContain("acceptUpTo: Medium");
        yaml.ShouldContain("- [Low, Low, Low, Medium, Medium]");

        var read = Read(yaml);

        read.Problems.ShouldBeEmpty();
        read.Name.ShouldBe("Our methodology");
        read.Definition!.ToJson().ShouldBe(MethodologyDefinition.Default().ToJson());
    }

    [Fact]
    public void ThreeByThreeWithCia_WrittenAsJson_ReadsBackAsItWas()
    {
        var definition = new MethodologyDefinition
        {
            Likelihood = [new("Low", null), new("Medium", "Yearly"), new("High", null)],
            Impact = [new("Small", null), new("Serious", null), new("Grave", "Ends the business")],
            ImpactMode = ImpactMode.PerCia,
            Levels = [new("Green", "#00aa00", null), new("Amber", "#ffaa00", "Owner decides"), new("Red", "#cc0000", null)],
            Matrix = [[0, 0, 1], [0, 1, 2], [1, 2, 2]],
            AcceptanceThreshold = 0,
            ReviewIntervalMonths = 6,
        };

        var read = Read(MethodologyFile.Json("Small firm", definition));

        read.Problems.ShouldBeEmpty();
        read.Definition!.ToJson().ShouldBe(definition.ToJson());
    }

    [Fact]
    public void AHandWrittenFile_WithMistakes_HasEachNamedWhereItIs()
    {
        var read = Read("""
            name: Hand made
            reviewIntervalMonths: 12
            likelihood: [{label: Rare}, {label: Possible}, {label: Likely}]
            impact: [{label: Minor}, {label: Major}, {label: Severe}]
            levels:
              - {name: Low, colour: "#00aa00"}
              - {name: High, colour: "#cc0000"}
            acceptUpTo: Medium
            matrix:
              - [Low, Low, High]
              - [Low, Hgh, High]
            """);

        read.Definition.ShouldBeNull();
        read.Problems.ShouldContain("acceptUpTo: \"Medium\" is not one of the levels (Low, High).");
        read.Problems.ShouldContain("matrix: it has 2 row(s); the likelihood scale has 3 level(s).");
        read.Problems.ShouldContain("matrix row 2 (Possible), Major: \"Hgh\" is not one of the levels (Low, High).");
    }

    [Fact]
    public void AFieldThatIsNotPartOfTheFormat_IsNamedByLine() =>
        Read("name: X\nreviewIntervalMonths: 12\nthreshold: 2\n").Problems.Single().ShouldStartWith("Line 3, column 1:");

    [Fact]
    public void RulesOfTheMethodology_AreCheckedToo() =>
        Read(MethodologyFile.Yaml("X", MethodologyDefinition.Default()).Replace("reviewIntervalMonths: 12", "reviewIntervalMonths: 48", StringComparison.Ordinal))
            .Problems.ShouldBe(["reviewIntervalMonths: The review interval must be between 1 and 36 months."]);

    [Theory]
    [InlineData("likelihood:\n  - label: Rare\n  -\n  - label: Likely", "likelihood: level 2 is empty; give it a label.")]
    [InlineData("impactMode: 7", "impactMode: \"7\" is not one of single, perArea, perCia.")]
    [InlineData("impactMode: single, perCia", "impactMode: \"single, perCia\" is not one of single, perArea, perCia.")]
    [InlineData("levels: [~, {name: High, colour: \"#cc0000\"}]", "levels: level 1 is empty; give it a name and a colour.")]
    public void EmptyItemsAndUnknownModes_AreNamed_NotCrashedOn(string replacement, string problem)
    {
        var yaml = MethodologyFile.Yaml("X", MethodologyDefinition.Default());
        var key = replacement.Split(':')[0];
        // Replace the field's whole block (its line and the indented or list lines under it).
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.Length > 0 && !l.StartsWith(' ') && !l.StartsWith('-'));
        lines.RemoveRange(start, end - start);
        lines.Insert(start, replacement);

        Read(string.Join('\n', lines)).Problems.ShouldContain(problem);
    }

    [Fact]
    public void AListRepeatedByAliases_IsRefusedBeforeItsCellsAreRead()
    {
        var row = "&r [" + string.Join(", ", Enumerable.Repeat("Low", 5000)) + "]";
        var yaml = $"name: Bomb\nreviewIntervalMonths: 12\nlevels: [{{name: Low, colour: \"#00aa00\"}}, {{name: High, colour: \"#cc0000\"}}]\nacceptUpTo: Low\n"
            + $"likelihood: [{{label: a}}, {{label: b}}, {{label: c}}]\nimpact: [{{label: a}}, {{label: b}}, {{label: c}}]\nmatrix: [{row}, {string.Join(", ", Enumerable.Repeat("*r", 20000))}]\n";

        var read = Read(yaml);

        read.Definition.ShouldBeNull();
        read.Problems.ShouldBe(["matrix: it has 20001 entries; a methodology has at most 7."]);
    }

    [Fact]
    public void ANameTooLongToSave_IsAProblemOfTheFile() =>
        Read(MethodologyFile.Yaml(new string('n', 201), MethodologyDefinition.Default())).Problems.ShouldBe(["name: the name is longer than 200 characters."]);

    [Theory]
    [InlineData("")]
    [InlineData("just text")]
    public void NotAMethodology_IsRefused(string text) => Read(text).Definition.ShouldBeNull();
}
