using OpenIsms.Core.Leadership;

namespace OpenIsms.Web.Features.Leadership;

/// <summary>The leadership acts' address.</summary>
public static class LeadershipUrls
{
    public const string Home = "/leadership";

    public static string List(LeadershipFilter filter) => Home + filter.ToQueryString();
}
