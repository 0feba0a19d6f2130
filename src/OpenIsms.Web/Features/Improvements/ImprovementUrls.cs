using OpenIsms.Core.Improvements;

namespace OpenIsms.Web.Features.Improvements;

/// <summary>The improvement register's addresses.</summary>
public static class ImprovementUrls
{
    public const string Home = "/improvements";

    public const string New = Home + "/new";

    public static string List(ImprovementFilter filter) => Home + filter.ToQueryString();

    public static string Export(string format, ImprovementFilter filter) => $"{Home}/export.{format}{(filter with { Page = 1 }).ToQueryString()}";

    public static string Edit(Guid id) => $"{Home}/{id}";
}
