using OpenIsms.Web.Features.Catalogue;
using OpenIsms.Web.Features.Soa;

namespace OpenIsms.Web.Infrastructure;

public static class Fragments
{
    /// <summary>Endpoints that return HTML fragments for htmx; each names its permission like the pages do.</summary>
    public static IEndpointRouteBuilder MapFragmentEndpoints(this IEndpointRouteBuilder app) => app.MapCatalogueFragments().MapSoaRowFragments();
}
