using OpenIsms.Core.Evidence;

namespace OpenIsms.UnitTests.Evidence;

public class EvidenceFilterTests
{
    private static EvidenceFilter Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return EvidenceFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void Parse_TheRegistersAddress_GivesEveryFilterAndPage()
    {
        var control = Guid.NewGuid();
        var filter = Parse($"?q=access%20review%20Q3&state=expiringsoon&kind=File&control={control}&page=2&size=100");

        filter.ShouldBe(new EvidenceFilter { Search = "access review Q3", State = EvidenceState.ExpiringSoon, Kind = EvidenceKind.File, ControlId = control, Page = 2, PageSize = 100 });
        filter.IsUnfiltered.ShouldBeFalse();
        Parse(filter.ToQueryString()).ShouldBe(filter);
    }

    [Fact]
    public void Parse_ValuesThatDoNotParse_AreNoFilter()
    {
        var filter = Parse("?q=%20&state=Stale&kind=9&control=not-a-guid&page=x&size=");

        filter.ShouldBe(new EvidenceFilter());
        filter.IsUnfiltered.ShouldBeTrue();
        filter.ToQueryString().ShouldBe("");
    }

    [Fact]
    public void ToQueryString_LeavesOutTheFirstPageAndTheDefaultSize()
    {
        new EvidenceFilter { State = EvidenceState.Expired }.ToQueryString().ShouldBe("?state=Expired");
        new EvidenceFilter { Page = 3, PageSize = 50 }.IsUnfiltered.ShouldBeTrue();
    }
}
