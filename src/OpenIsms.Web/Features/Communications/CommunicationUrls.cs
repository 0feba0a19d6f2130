using OpenIsms.Core.Communications;

namespace OpenIsms.Web.Features.Communications;

/// <summary>The communication plan's addresses.</summary>
public static class CommunicationUrls
{
    public const string Home = "/communications";

    public const string New = Home + "/new";

    public static string List(CommunicationFilter filter) => Home + filter.ToQueryString();

    public static string Export(string format, CommunicationFilter filter) => $"{Home}/export.{format}{(filter with { Page = 1 }).ToQueryString()}";

    public static string Item(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Item(id)}/edit";

    public static string File(Guid recordId) => $"{Home}/records/{recordId}/file";
}
