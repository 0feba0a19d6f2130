using OpenIsms.Core.People;

namespace OpenIsms.Web.Features.People;

/// <summary>The staff list's addresses: the list (narrowed by its filter), each person and their form, the exports.</summary>
public static class PeopleUrls
{
    public const string Home = "/people";

    public const string New = Home + "/new";

    public const string Import = Home + "/import";

    public static string List(PersonFilter filter) => Home + filter.ToQueryString();

    public static string Person(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Person(id)}/edit";

    /// <summary>The list under its filter as a file (everyone matching, no page).</summary>
    public static string Export(string format, PersonFilter filter) => $"{Home}/export.{format}{(filter with { Page = 1 }).ToQueryString()}";
}
