namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Refuses a GET that another site started. A download of evidence writes an activity entry in the signed-in person's
/// name, and the sign-in cookie (SameSite=Lax) travels with a top-level link from anywhere; browsers say where a request
/// came from in Sec-Fetch-Site, so a link on another site (or on a sibling subdomain) cannot make someone "download"
/// a file they never asked for. A request without the header (an old browser, a script with its own cookie) is the
/// person's own.
/// </summary>
public static class SameSiteOnly
{
    public static TBuilder RequireSameSite<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var site = context.HttpContext.Request.Headers["Sec-Fetch-Site"].ToString();
            if (site.Length == 0 || site is "same-origin" or "none")
            {
                return await next(context);
            }

            return Results.Content(
                ErrorEndpoints.Render(403, "Open this download from OpenIsms", "The link came from another site. Open the record in OpenIsms and use its download button."),
                "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        });
}
