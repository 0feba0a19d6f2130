using System.Reflection;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// An area's endpoints (API, fragments, exports, downloads), found at start-up: adding an area's endpoints edits no
/// central file. Each endpoint names its permission as pages do.
/// </summary>
public interface IEndpointGroup
{
    static abstract void Map(IEndpointRouteBuilder app);
}

public static class EndpointGroups
{
    /// <summary>Every <see cref="IEndpointGroup"/> of this assembly, in a stable order.</summary>
    public static IReadOnlyList<Type> All { get; } = typeof(IEndpointGroup).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEndpointGroup).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        foreach (var group in All)
        {
            group.GetMethod(nameof(IEndpointGroup.Map), BindingFlags.Public | BindingFlags.Static, [typeof(IEndpointRouteBuilder)])!.Invoke(null, [app]);
        }

        return app;
    }
}
