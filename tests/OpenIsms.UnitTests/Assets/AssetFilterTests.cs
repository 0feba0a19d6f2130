using OpenIsms.Core.Assets;

namespace OpenIsms.UnitTests.Assets;

public class AssetFilterTests
{
    private static AssetFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return AssetFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheInventorysAddress_GivesEveryFilterSortAndPage()
    {
        var filter = Parse("?q=file%20server&type=Software&owner=none&classification=Strictly%20confidential&criticality=high&scope=out&sort=Criticality&desc=true&page=3&size=50");

        filter.ShouldBe(new AssetFilter
        {
            Search = "file server", Type = AssetType.Software, OwnerId = ListAssets.NoOwner, Classification = "Strictly confidential", Criticality = Criticality.High,
            InScope = false, Sort = AssetSort.Criticality, Descending = true, Page = 3, PageSize = 50,
        });
        filter.IsUnfiltered.ShouldBeFalse();
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreNoFilter()
    {
        var filter = Parse("?type=Spaceship&criticality=7&scope=maybe&sort=Colour&desc=perhaps&page=-&size=");

        filter.ShouldBe(new AssetFilter());
        filter.IsUnfiltered.ShouldBeTrue();
        filter.ToQueryString().ShouldBe("");
    }

    [Fact]
    public void IsUnfiltered_IgnoresSortingAndPaging()
    {
        new AssetFilter { Sort = AssetSort.Name, Descending = true, Page = 4 }.IsUnfiltered.ShouldBeTrue();
        new AssetFilter { InScope = true }.IsUnfiltered.ShouldBeFalse();
    }
}
