using OpenIsms.Core.Leadership;

namespace OpenIsms.UnitTests.Leadership;

public class LeadershipFilterTests
{
    [Fact]
    public void TheFilter_TravelsInTheAddress_AndReadsBackTheSame()
    {
        var filter = new LeadershipFilter { Kind = LeadershipActKind.SoaApproved, UserId = "u1", TopManagement = true, From = new(2026, 1, 1), To = new(2026, 12, 31) };
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filter.ToQueryString());
        LeadershipFilter.Parse(k => query.TryGetValue(k, out var v) ? v.ToString() : null).ShouldBe(filter);
        LeadershipFilter.Parse(k => k == "to" ? "2020-01-01" : null).To.ShouldBe(new DateOnly(2020, 1, 1));
    }
}

public class DateFilterNameTests
{
    /// <summary>
    /// The guard drops a query value that does not parse as a type some page declares for that name: a page declaring
    /// "to" as a number once silently dropped the activity log's and leadership acts' date filters. Dates must pass.
    /// </summary>
    [Theory]
    [InlineData("from")]
    [InlineData("to")]
    public void TheDateFilters_AreNotDeclaredAsAnotherTypeByAnyPage(string name)
    {
        if (OpenIsms.Web.Infrastructure.QueryParameterGuard.DeclaredParameters.TryGetValue(name, out var types))
        {
            types.ShouldAllBe(t => OpenIsms.Web.Infrastructure.QueryParameterGuard.Parses(t, "2026-01-31"));
        }
    }
}

public class QueryNameTests
{
    /// <summary>
    /// A query name means one kind of value across the app: the guard drops a value that does not parse as every type
    /// declared for its name, so "fromVersion" as a Guid on one page and a number on another broke the second.
    /// </summary>
    [Fact]
    public void EveryQueryName_IsDeclaredWithOneTypeOnly()
    {
        var clashes = OpenIsms.Web.Infrastructure.QueryParameterGuard.DeclaredParameters
            .Where(p => p.Value.Select(t => Nullable.GetUnderlyingType(t) ?? t).Distinct().Count() > 1)
            .Select(p => $"{p.Key}: {string.Join(", ", p.Value.Select(t => t.Name))}").ToList();
        clashes.ShouldBeEmpty();
    }
}
