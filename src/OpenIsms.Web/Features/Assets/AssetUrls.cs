using OpenIsms.Core.Assets;

namespace OpenIsms.Web.Features.Assets;

/// <summary>The asset inventory's addresses: the list (also narrowed by owner or classification), each asset and its form.</summary>
public static class AssetUrls
{
    public const string Home = "/assets";

    public const string New = Home + "/new";

    /// <summary>The inventory narrowed, sorted and paged as the filter says.</summary>
    public static string List(AssetFilter filter) => Home + filter.ToQueryString();

    /// <summary>The assets of one owner, or <c>ListAssets.NoOwner</c> for those without one.</summary>
    public static string ByOwner(string owner) => List(new() { OwnerId = owner });

    /// <summary>The assets at one level of the classification scheme, by its name.</summary>
    public static string ByClassification(string level) => List(new() { Classification = level });

    /// <summary>The inventory under its filters as a file (every matching asset, no page).</summary>
    public static string Export(string format, AssetFilter filter) => $"{Home}/export.{format}{(filter with { Page = 1 }).ToQueryString()}";

    public static string Asset(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Asset(id)}/edit";
}
