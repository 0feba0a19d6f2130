using OpenIsms.Core.Nonconformities;

namespace OpenIsms.Web.Features.Nonconformities;

/// <summary>The nonconformity register's addresses.</summary>
public static class NonconformityUrls
{
    public const string Home = "/nonconformities";

    public const string New = Home + "/new";

    public static string List(NonconformityFilter filter) => Home + filter.ToQueryString();

    public static string Export(string format, NonconformityFilter filter) => $"{Home}/export.{format}{(filter with { Page = 1 }).ToQueryString()}";

    public static string Item(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Item(id)}/edit";
}
