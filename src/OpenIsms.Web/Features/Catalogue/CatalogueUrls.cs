namespace OpenIsms.Web.Features.Catalogue;

/// <summary>The catalogue's addresses: every requirement is named by its framework and its code.</summary>
public static class CatalogueUrls
{
    public const string Home = "/catalogue";

    public static string Framework(string framework) => $"{Home}?framework={Uri.EscapeDataString(framework)}";

    public static string Requirement(string framework, string code) => $"{Home}/{Uri.EscapeDataString(framework)}/{Uri.EscapeDataString(code)}";

    public static string Attribute(string framework, string value) => $"{Framework(framework)}&attribute={Uri.EscapeDataString(value)}";
}
