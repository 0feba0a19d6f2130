using OpenIsms.Core.Risks;

namespace OpenIsms.UnitTests.Risks;

public class ThreatCatalogueFilterTests
{
    private static ThreatCatalogueFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return ThreatCatalogueFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheCataloguesAddress_AndPrintItBack_AlwaysNamingTheKind()
    {
        var filter = Parse("?kind=vulnerabilities&q=patch&group=Software&page=2");

        filter.ShouldBe(new ThreatCatalogueFilter { Kind = CatalogueKind.Vulnerabilities, Search = "patch", Group = "Software", Page = 2 });
        filter.ToQueryString().ShouldBe("?kind=Vulnerabilities&q=patch&group=Software&page=2");
        new ThreatCatalogueFilter().ToQueryString().ShouldBe("?kind=Threats");
    }

    [Fact]
    public void AnUnknownKind_IsTheThreatCatalogue()
    {
        Parse("?kind=Dragons&page=-").ShouldBe(new ThreatCatalogueFilter());
    }
}
