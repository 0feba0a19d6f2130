using Microsoft.AspNetCore.Http.HttpResults;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Catalogue;

public static class CatalogueEndpoints
{
    /// <summary>The result table alone, for htmx's live filtering; the full page works without it.</summary>
    public static IEndpointRouteBuilder MapCatalogueFragments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/catalogue/results", async (string? q, string? kind, string? theme, string? attribute, int? page, int? size, ListRequirements list, HttpContext http, CancellationToken ct) =>
        {
            var results = await list.Handle(new CatalogueFilter(q, kind, theme, attribute, page ?? 1, size ?? 25).ToQuery(), ct);
            // The address bar shows the page's URL, so the filtered view can be bookmarked and shared.
            http.Response.Headers["HX-Push-Url"] = "/catalogue" + http.Request.QueryString;
            return new RazorComponentResult<CatalogueResults>(new { Results = results, BasePath = "/catalogue" });
        }).WithMetadata(new HasPermissionAttribute(Permissions.CatalogueRead));
        return app;
    }
}
