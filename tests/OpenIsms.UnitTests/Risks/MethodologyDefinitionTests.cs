using OpenIsms.Core.Risks;

namespace OpenIsms.UnitTests.Risks;

public class MethodologyDefinitionTests
{
    private static MethodologyDefinition Matrix(int likelihood, int impact, int[][] cells, int levels = 3, int threshold = 0) => MethodologyDefinition.Default() with
    {
        Likelihood = Enumerable.Range(1, likelihood).Select(n => new ScaleLevel($"L{n}", null)).ToList(),
        Impact = Enumerable.Range(1, impact).Select(n => new ScaleLevel($"I{n}", null)).ToList(),
        ImpactMode = ImpactMode.Single,
        Levels = Enumerable.Range(0, levels).Select(n => new RiskLevel($"Level {n}", "#00000" + n, null)).ToList(),
        Matrix = cells.Select(r => (IReadOnlyList<int>)r.ToList()).ToList(),
        AcceptanceThreshold = threshold,
    };

    public static TheoryData<int, int, string> DefaultCells()
    {
        // The default 5 × 5, written out independently of the code: rows are likelihood 1..5, columns impact 1..5.
        string[][] expected =
        [
            ["Low", "Low", "Low", "Medium", "Medium"],
            ["Low", "Low", "Medium", "Medium", "High"],
            ["Low", "Medium", "Medium", "High", "High"],
            ["Medium", "Medium", "High", "High", "Critical"],
            ["Medium", "High", "High", "Critical", "Critical"],
        ];
        var data = new TheoryData<int, int, string>();
        for (var l = 1; l <= 5; l++)
        {
            for (var i = 1; i <= 5; i++)
            {
                data.Add(l, i, expected[l - 1][i - 1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultCells))]
    public void Default_EveryCell_HasItsLevel(int likelihood, int impact, string level)
    {
        var d = MethodologyDefinition.Default();
        d.Levels[d.LevelOf(likelihood, impact)].Name.ShouldBe(level);
    }

    [Fact]
    public void Default_IsValid_AndAcceptsUpToMedium()
    {
        var d = MethodologyDefinition.Default();
        d.Validate().Succeeded.ShouldBeTrue();
        d.IsAcceptable(0).ShouldBeTrue();
        d.IsAcceptable(1).ShouldBeTrue();
        d.IsAcceptable(2).ShouldBeFalse();
        d.IsAcceptable(3).ShouldBeFalse();
        d.RatedAreas.Count.ShouldBe(5);
    }

    [Fact]
    public void A3x3_And4x6_Matrices_MapEveryCell()
    {
        int[][] three = [[0, 0, 1], [0, 1, 2], [1, 2, 2]];
        var small = Matrix(3, 3, three);
        small.Validate().Succeeded.ShouldBeTrue();
        for (var l = 1; l <= 3; l++)
        {
            for (var i = 1; i <= 3; i++)
            {
                small.LevelOf(l, i).ShouldBe(three[l - 1][i - 1]);
            }
        }

        int[][] wide = [[0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], [0, 1, 1, 2, 2, 3], [1, 1, 2, 2, 3, 3]];
        var rectangular = Matrix(4, 6, wide, levels: 4);
        rectangular.Validate().Succeeded.ShouldBeTrue();
        for (var l = 1; l <= 4; l++)
        {
            for (var i = 1; i <= 6; i++)
            {
                rectangular.LevelOf(l, i).ShouldBe(wide[l - 1][i - 1]);
            }
        }
    }

    [Fact]
    public void Validate_NamesThePartThatIsWrong()
    {
        Fields(Matrix(2, 3, [[0, 0, 0], [0, 0, 0]])).ShouldContain("Likelihood");
        Fields(Matrix(3, 8, [[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0]])).ShouldContain("Impact");
        Fields(Matrix(3, 3, [[0, 0, 0], [0, 0, 0]])).ShouldContain("Matrix");
        Fields(Matrix(3, 3, [[0, 0, 0], [0, 0, 0], [0, 0, 7]])).ShouldContain("Matrix");
        Fields(Matrix(3, 3, [[0, 0, 0], [0, 0, 0], [0, 0, 0]], threshold: 5)).ShouldContain("AcceptanceThreshold");
        Fields(MethodologyDefinition.Default() with { Levels = [new("Low", "green", null), new("High", "#ff0000", null)] }).ShouldContain("Levels");
        Fields(MethodologyDefinition.Default() with { ImpactAreas = ["Only one"] }).ShouldContain("ImpactAreas");
        Fields(MethodologyDefinition.Default() with { ReviewIntervalMonths = 0 }).ShouldContain("ReviewIntervalMonths");
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var d = MethodologyDefinition.Default();
        var back = MethodologyDefinition.FromJson(d.ToJson());
        back.ToJson().ShouldBe(d.ToJson());
        back.LevelOf(4, 5).ShouldBe(d.LevelOf(4, 5));
    }

    [Theory]
    [InlineData(5, 3, new[] { 1, 2, 2, 3, 3 })]
    [InlineData(3, 5, new[] { 1, 3, 5 })]
    [InlineData(5, 5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(4, 7, new[] { 1, 3, 5, 7 })]
    public void ProportionalMapping_KeepsTheEnds_AndSpreadsTheRest(int from, int to, int[] expected) =>
        ScaleMapping.Spread(from, to).ShouldBe(expected);

    [Fact]
    public void Mapping_PerAreaToPerCia_TakesTheHighestForNewAreas_AndSingleKeepsOne()
    {
        var perArea = MethodologyDefinition.Default();
        var cia = perArea with { ImpactMode = ImpactMode.PerCia };
        var mapping = ScaleMapping.Proportional(perArea, cia);
        var rating = mapping.Map(4, [2, 5, 1, 1, 1], perArea, cia);
        rating.Likelihood.ShouldBe(4);
        rating.Impacts.ShouldBe([5, 5, 5]);
        var single = Matrix(3, 3, [[0, 0, 1], [0, 1, 2], [1, 2, 2]]);
        var toSingle = ScaleMapping.Proportional(perArea, single).Map(5, [2, 5, 1, 1, 1], perArea, single);
        toSingle.Likelihood.ShouldBe(3);
        toSingle.Impacts.ShouldBe([3]);
        mapping.Validate(perArea, single).Succeeded.ShouldBeFalse("a 5-level mapping does not fit a 3-level scale");
    }

    private static List<string> Fields(MethodologyDefinition d) => d.Validate().Errors.Select(e => e.Field).ToList();
}
