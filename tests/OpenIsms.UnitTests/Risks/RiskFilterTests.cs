using OpenIsms.Core.Risks;

namespace OpenIsms.UnitTests.Risks;

public class RiskFilterTests
{
    private static RiskFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return RiskFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheRegistersAddress_GivesEveryFilterSortAndPage()
    {
        var asset = Guid.NewGuid();
        var filter = Parse($"?q=ransom%20ware&owner=u1&level=2&kind=inherent&treatment=mitigate&status=InTreatment&asset={asset}&annex=A.8.13&overdue=true&l=3&i=4&sort=Residual&desc=true&page=2&size=50");

        filter.ShouldBe(new RiskFilter
        {
            Search = "ransom ware", OwnerId = "u1", Level = 2, LevelOf = RatingKind.Inherent, Treatment = TreatmentOption.Mitigate, Status = RiskStatus.InTreatment,
            AssetId = asset, AnnexA = "A.8.13", ReviewOverdue = true, CellLikelihood = 3, CellImpact = 4, Sort = RiskSort.Residual, Descending = true, Page = 2, PageSize = 50,
        });
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreNoFilter()
    {
        var filter = Parse("?level=high&treatment=Ignore&status=7x&asset=not-a-guid&overdue=maybe&sort=Colour&page=-&size=");

        filter.ShouldBe(new RiskFilter());
        filter.IsUnfiltered.ShouldBeTrue();
        filter.ToQueryString().ShouldBe("");
    }

    [Fact]
    public void ToQueryString_WithoutTheView_KeepsTheFiltersForExportsAndTheHeatMap()
    {
        var filter = new RiskFilter { Search = "fire", Treatment = TreatmentOption.Avoid, CellLikelihood = 1, CellImpact = 5, Sort = RiskSort.Title, Page = 3, LevelOf = RatingKind.Inherent };

        filter.ToQueryString(view: false).ShouldBe("?q=fire&treatment=Avoid");
        filter.ToQueryString().ShouldBe("?q=fire&kind=inherent&treatment=Avoid&l=1&i=5&sort=Title&page=3");
        filter.IsUnfiltered.ShouldBeFalse();
        (new RiskFilter { Sort = RiskSort.Owner, Page = 4 }).IsUnfiltered.ShouldBeTrue();
    }
}
