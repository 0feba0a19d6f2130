using OpenIsms.Core.Context;

namespace OpenIsms.UnitTests.Context;

public class ContextIssueFilterTests
{
    private static ContextIssueFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return ContextIssueFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheRegistersAddress_GivesEveryFilterAndPage()
    {
        var filter = Parse("?q=NIS2%20%26%20DORA&origin=external&climate=true&page=2&size=50");

        filter.ShouldBe(new ContextIssueFilter { Search = "NIS2 & DORA", Origin = IssueOrigin.External, ClimateOnly = true, Page = 2, PageSize = 50 });
        filter.IsUnfiltered.ShouldBeFalse();
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreNoFilter()
    {
        var filter = Parse("?q=&origin=Abroad&climate=yes&page=-&size=x");

        filter.ShouldBe(new ContextIssueFilter());
        filter.IsUnfiltered.ShouldBeTrue();
        filter.ToQueryString().ShouldBe("");
    }
}
