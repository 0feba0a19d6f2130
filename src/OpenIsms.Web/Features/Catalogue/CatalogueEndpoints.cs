using Microsoft.AspNetCore.Http.HttpResults;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Catalogue;

public sealed class CatalogueEndpoints : IEndpointGroup
{
    /// <summary>The result table alone, for htmx's live filtering; the full page works without it.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(CatalogueUrls.Results, async (GetFramework frameworks, ListRequirements list, HttpContext http, CancellationToken ct) =>
        {
            var filter = CatalogueFilter.Parse(key => http.Request.Query[key].FirstOrDefault());
            if (await frameworks.Handle(filter.Framework, ct) is not { } view)
            {
                return Results.NotFound();
            }

            var results = await list.Handle(filter.ToQuery(view), ct);
            // The address bar shows the page's URL, so the filtered view can be bookmarked and shared.
            http.Response.Headers["HX-Push-Url"] = CatalogueUrls.List(filter);
            return (IResult)CatalogueResults.Fragment(results, view, CatalogueUrls.Home);
        }).WithMetadata(new HasPermissionAttribute(CataloguePermissions.Read));
    }
}
