using OpenIsms.Core.Soa;

namespace OpenIsms.UnitTests.Soa;

public class SoaFilterTests
{
    private static SoaFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return SoaFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheStatementsAddress_GivesEveryFilter_AndPrintsItBack()
    {
        var filter = Parse("?theme=Technological&decision=warnings&attribute=%23Preventive&status=Partially%20implemented");

        filter.ShouldBe(new SoaFilter { Theme = "Technological", Decision = "warnings", Attribute = "#Preventive", Status = "Partially implemented" });
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void AnUnknownDecision_IsNoFilter_AndNoFilterPrintsNothing()
    {
        Parse("?decision=maybe&theme=%20").ShouldBe(new SoaFilter());
        new SoaFilter().ToQueryString().ShouldBe("");
    }
}
