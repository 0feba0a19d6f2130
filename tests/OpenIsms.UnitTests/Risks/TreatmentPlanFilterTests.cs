using OpenIsms.Core.Risks;

namespace OpenIsms.UnitTests.Risks;

public class TreatmentPlanFilterTests
{
    private static TreatmentPlanFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return TreatmentPlanFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_ThePlansAddress_GivesEveryFilterAndPage()
    {
        var filter = Parse("?q=backup%20test&owner=u1&status=inprogress&overdue=true&page=2&size=25");

        filter.ShouldBe(new TreatmentPlanFilter { Search = "backup test", OwnerId = "u1", Status = ActionStatus.InProgress, OverdueOnly = true, Page = 2, PageSize = 25 });
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_StatusAll_IsEveryActionAndPrintsAsAll()
    {
        var filter = Parse("?status=all");

        filter.ShouldBe(new TreatmentPlanFilter { AnyStatus = true });
        filter.ToQueryString().ShouldBe("?status=all");
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreTheOpenActionsFiftyAPage()
    {
        var filter = Parse("?q=&owner=&status=Someday&overdue=1&page=x&size=");

        filter.ShouldBe(new TreatmentPlanFilter());
        filter.AnyStatus.ShouldBeFalse();
        filter.PageSize.ShouldBe(50);
        filter.ToQueryString().ShouldBe("");
    }

    [Fact]
    public void Unpaged_KeepsTheFilterForAnExport_WithoutThePage()
    {
        var filter = Parse("?owner=u1&status=all&page=4&size=100");

        filter.Unpaged.ToQueryString().ShouldBe("?owner=u1&status=all");
    }
}
