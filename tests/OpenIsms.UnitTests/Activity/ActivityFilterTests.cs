using OpenIsms.Core.Activity;

namespace OpenIsms.UnitTests.Activity;

public class ActivityFilterTests
{
    private static ActivityFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return ActivityFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheLogsAddress_GivesEveryFilterAndPage()
    {
        var filter = Parse("?type=TreatmentAction&user=Ana%20Lima&from=2026-11-01&to=2026-11-30&page=2&size=100");

        filter.ShouldBe(new ActivityFilter
        {
            EntityType = "TreatmentAction", User = "Ana Lima", From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30), Page = 2, PageSize = 100,
        });
        Parse(filter.ToQueryString()).ShouldBe(filter);
        filter.ToQueryString().ShouldBe("?type=TreatmentAction&user=Ana%20Lima&from=2026-11-01&to=2026-11-30&page=2&size=100");
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreNoFilter()
    {
        var filter = Parse("?type=&user=%20&from=yesterday&to=2026-02-30&page=abc&size=");

        filter.ShouldBe(new ActivityFilter());
        filter.ToQueryString().ShouldBe("");
    }

    [Fact]
    public void ToQueryString_NeverCarriesTheRecord_WhichAHistoryHasInItsPath()
    {
        new ActivityFilter { EntityType = "Risk", EntityId = "42" }.ToQueryString().ShouldBe("?type=Risk");
    }
}
