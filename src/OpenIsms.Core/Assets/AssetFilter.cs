using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Assets;

/// <summary>
/// The asset inventory's filter, sort and page, as its URL carries them (<c>?q=…&amp;owner=…&amp;scope=out</c>): parsed
/// and printed here, once, for the inventory page, the links into it and the API. A value that does not parse is no filter.
/// </summary>
public sealed record AssetFilter
{
    public string? Search { get; init; }

    public AssetType? Type { get; init; }

    /// <summary>An owner's user id, or <see cref="ListAssets.NoOwner"/> for the assets without one.</summary>
    public string? OwnerId { get; init; }

    /// <summary>A level of the classification scheme, by its name.</summary>
    public string? Classification { get; init; }

    public Criticality? Criticality { get; init; }

    public bool? InScope { get; init; }

    public AssetSort Sort { get; init; } = AssetSort.Reference;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    /// <summary>Nothing narrows the inventory (sorting and paging aside).</summary>
    public bool IsUnfiltered => this with { Sort = AssetSort.Reference, Descending = false, Page = 1, PageSize = 25 } == new AssetFilter();

    public static AssetFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Type = Enum<AssetType>(get("type")),
        OwnerId = Text.OrNull(get("owner")),
        Classification = Text.OrNull(get("classification")),
        Criticality = Enum<Criticality>(get("criticality")),
        InScope = get("scope") switch { "in" => true, "out" => false, _ => null },
        Sort = Enum<AssetSort>(get("sort")) ?? AssetSort.Reference,
        Descending = True(get("desc")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString()
    {
        (string, string?)[] parts =
        [
            ("q", Search), ("type", Type?.ToString()), ("owner", OwnerId), ("classification", Classification), ("criticality", Criticality?.ToString()),
            ("scope", InScope switch { true => "in", false => "out", null => null }),
            ("sort", Sort == AssetSort.Reference ? null : Sort.ToString()), ("desc", Descending ? "true" : null),
        ];
        return Join([.. parts, .. Paging(Page, PageSize)]);
    }
}
