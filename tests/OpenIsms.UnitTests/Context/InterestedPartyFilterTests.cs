using OpenIsms.Core.Context;

namespace OpenIsms.UnitTests.Context;

public class InterestedPartyFilterTests
{
    private static InterestedPartyFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return InterestedPartyFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheRegistersAddress_GivesEveryFilterAndPage()
    {
        var filter = Parse("?q=data%20protection&origin=External&source=legal&open=true&page=3&size=25");

        filter.ShouldBe(new InterestedPartyFilter { Search = "data protection", Origin = PartyOrigin.External, Source = RequirementSource.Legal, UnaddressedOnly = true, Page = 3 });
        filter.IsUnfiltered.ShouldBeFalse();
        Parse(filter.ToQueryString()).ShouldBe(filter);
        filter.ToQueryString().ShouldBe("?q=data%20protection&origin=External&source=Legal&open=true&page=3");
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreNoFilter()
    {
        var filter = Parse("?origin=Nowhere&source=Rumour&open=perhaps&page=two");

        filter.ShouldBe(new InterestedPartyFilter());
        filter.IsUnfiltered.ShouldBeTrue();
        filter.ToQueryString().ShouldBe("");
    }
}
