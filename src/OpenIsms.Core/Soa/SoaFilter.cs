using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Soa;

/// <summary>
/// The statement's row filter as its URL carries it (<c>?theme=…&amp;decision=undecided&amp;attribute=…&amp;status=…</c>):
/// parsed and printed here for the SoA page and the links into it. The 93 rows are filtered in memory by
/// <see cref="GetSoa.Filter"/> (they are read once and cached); an unknown value matches nothing rather than failing.
/// </summary>
public sealed record SoaFilter
{
    /// <summary>The control's theme, as the framework's data names it.</summary>
    public string? Theme { get; init; }

    /// <summary>"applicable", "excluded", "undecided" or "warnings"; anything else is no filter.</summary>
    public string? Decision { get; init; }

    /// <summary>One attribute value of the framework's data.</summary>
    public string? Attribute { get; init; }

    /// <summary>The implementation status as the statement words it.</summary>
    public string? Status { get; init; }

    public static readonly IReadOnlyList<string> Decisions = ["applicable", "excluded", "undecided", "warnings"];

    public static SoaFilter Parse(Func<string, string?> get) => new()
    {
        Theme = Text.OrNull(get("theme")),
        Decision = Text.OrNull(get("decision")) is { } d && Decisions.Contains(d) ? d : null,
        Attribute = Text.OrNull(get("attribute")),
        Status = Text.OrNull(get("status")),
    };

    /// <summary>The URL's query ("?…", or "" for none).</summary>
    public string ToQueryString() => Join([("theme", Theme), ("decision", Decision), ("attribute", Attribute), ("status", Status)]);
}
