using OpenIsms.Core.Frameworks;

namespace OpenIsms.Web.Features.Catalogue;

/// <summary>The catalogue's filter as it sits in the URL, shared by the page and its htmx fragment; values the framework's data does not offer are dropped.</summary>
public sealed record CatalogueFilter
{
    public required string? Q { get; init; }

    public required string? Kind { get; init; }

    public required string? Theme { get; init; }

    public required string? Attribute { get; init; }

    public required int Page { get; init; }

    public required int Size { get; init; }

    public bool Withdrawn { get; init; }

    public ListRequirements.Query ToQuery(GetFramework.View framework) => new()
    {
        Framework = framework.Framework.Key,
        Search = Q,
        Class = framework.LevelOf(Kind)?.Class,
        Theme = framework.Themes.Contains(Theme) ? Theme : null,
        Attribute = framework.Framework.FamilyList.Any(f => f.Values.Contains(Attribute)) ? Attribute : null,
        IncludeWithdrawn = Withdrawn,
        Page = Page,
        PageSize = Size,
    };
}
