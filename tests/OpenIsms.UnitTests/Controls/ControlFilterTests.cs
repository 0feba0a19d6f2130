using OpenIsms.Core.Controls;

namespace OpenIsms.UnitTests.Controls;

public class ControlFilterTests
{
    private static ControlFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return ControlFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheListsAddress_GivesEveryFilterAndPage()
    {
        var filter = Parse("?q=access%20review&status=operating&owner=u1&annex=A.5.15&page=2&size=50");

        filter.ShouldBe(new ControlFilter { Search = "access review", Status = ControlStatus.Operating, OwnerId = "u1", AnnexA = "A.5.15", Page = 2, PageSize = 50 });
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_EmptyOrUnknownValues_AreNoFilter()
    {
        var filter = Parse("?q=&status=Sleeping&owner=&annex=&page=x");

        filter.ShouldBe(new ControlFilter());
        filter.IsUnfiltered.ShouldBeTrue();
        filter.ToQueryString().ShouldBe("");
    }
}
