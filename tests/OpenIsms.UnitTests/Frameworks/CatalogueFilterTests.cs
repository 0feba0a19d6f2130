using OpenIsms.Core.Frameworks;

namespace OpenIsms.UnitTests.Frameworks;

public class CatalogueFilterTests
{
    private static CatalogueFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return CatalogueFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheCataloguesAddress_GivesEveryFilterAndPage_AndPrintsItBack()
    {
        var filter = Parse("?framework=nist-csf-2.0&q=recover%20plan&kind=subcategories&theme=Recover&attribute=%23Preventive&withdrawn=true&page=2&size=50");

        filter.ShouldBe(new CatalogueFilter
        {
            Framework = "nist-csf-2.0", Search = "recover plan", Kind = "subcategories", Theme = "Recover", Attribute = "#Preventive",
            Withdrawn = true, Page = 2, PageSize = 50,
        });
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void ValuesThatDoNotParse_AreNoFilter_AndDefaultsAreLeftOut()
    {
        Parse("?withdrawn=maybe&page=x&size=&q=%20").ShouldBe(new CatalogueFilter());
        new CatalogueFilter { Framework = "iso27001-2022" }.ToQueryString().ShouldBe("?framework=iso27001-2022");
    }
}
