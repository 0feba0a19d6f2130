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
        app.MapGet(CatalogueUrls.Results, async (string? framework, string? q, string? kind, string? theme, string? attribute, bool? withdrawn, int? page, int? size,
            GetFramework frameworks, ListRequirements list, HttpContext http, CancellationToken ct) =>
        {
            if (await frameworks.Handle(framework, ct) is not { } view)
            {
                return Results.NotFound();
            }

            var results = await list.Handle(new CatalogueFilter
            {
                Q = q,
                Kind = kind,
                Theme = theme,
                Attribute = attribute,
                Page = page ?? 1,
                Size = size ?? 25,
                Withdrawn = withdrawn == true,
            }.ToQuery(view), ct);
            // The address bar shows the page's URL, so the filtered view can be bookmarked and shared.
            http.Response.Headers["HX-Push-Url"] = CatalogueUrls.Home + http.Request.QueryString;
            return (IResult)CatalogueResults.Fragment(results, view, CatalogueUrls.Home);
        }).WithMetadata(new HasPermissionAttribute(CataloguePermissions.Read));
    }
}
