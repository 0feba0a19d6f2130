using OpenIsms.Core.Frameworks;

namespace OpenIsms.Web.Features.Catalogue;

/// <summary>The catalogue's addresses: every requirement is named by its framework and its code.</summary>
public static class CatalogueUrls
{
    public const string Home = "/catalogue";

    /// <summary>The htmx fragment of the list, for the filters the page's form sends.</summary>
    public const string Results = Home + "/results";

    /// <summary>The catalogue showing what a filter keeps.</summary>
    public static string List(CatalogueFilter filter) => Home + filter.ToQueryString();

    public static string Framework(string framework) => List(new() { Framework = framework });

    public static string Requirement(string framework, string code) => $"{Home}/{Uri.EscapeDataString(framework)}/{Uri.EscapeDataString(code)}";

    /// <summary>An ISO/IEC 27001:2022 code alone, as addresses were before frameworks were named; the page redirects to the framework's.</summary>
    public static string Requirement(string code) => $"{Home}/{Uri.EscapeDataString(code)}";

    public static string Attribute(string framework, string value) => List(new() { Framework = framework, Attribute = value });
}
