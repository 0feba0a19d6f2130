using System.Net;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Friendly pages for every error status. Plain HTML written here rather than a component: a failed page may
/// already have started a component render in this request, and a re-executed POST must not be handled as a
/// form again. Answers any method; never shows exception text.
/// </summary>
public sealed class ErrorEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.Map("/error/{code:int}", (int code, HttpContext http) =>
        {
            var status = code is >= 400 and < 600 ? code : 404;
            if (http.Response.StatusCode == StatusCodes.Status200OK)
            {
                http.Response.StatusCode = status;
            }

            // A failed API call answers in the API's language: RFC 9457 problem details.
            var original = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
                ?? http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path;
            if (original is not null && Api.ApiProblems.IsApi(original))
            {
                var (title, explanation) = Explain(http.Response.StatusCode);
                return Results.Problem(statusCode: http.Response.StatusCode, title: title, detail: explanation, instance: original);
            }

            // The exception handler re-executes /error/500 but may have set a more precise status (413 for an oversized body).
            var shown = http.Response.StatusCode >= 400 ? http.Response.StatusCode : status;
            return Results.Content(Render(shown), "text/html; charset=utf-8", statusCode: http.Response.StatusCode);
        }).AllowAnonymous().DisableAntiforgery();
    }

    public static string Render(int code)
    {
        var (title, explanation) = Explain(code);
        return Render(code, title, explanation);
    }

    /// <summary>An error page with a message of the caller's, for a refusal that needs more than the status's words.</summary>
    public static string Render(int code, string title, string explanation)
    {
        var t = WebUtility.HtmlEncode(title);
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{t} — OpenIsms</title><link rel="stylesheet" href="/css/app.css" /><link rel="icon" href="/favicon.svg" type="image/svg+xml" /></head>
            <body><header class="topbar"><a class="brand" href="/"><img src="/favicon.svg" alt="" width="24" height="24" /> OpenIsms</a></header>
            <div class="shell no-nav"><main id="main"><div class="page-head"><div><span class="caption">Error {code}</span><h1>{t}</h1></div></div>
            <p>{WebUtility.HtmlEncode(explanation)}</p><p><a href="/">Go to My work</a></p></main></div></body></html>
            """;
    }

    private static (string Title, string Explanation) Explain(int code)
    {
        return code switch
        {
            400 => ("The request could not be processed", "The form may have expired or come from another page or site. Go back, reload the page and try again."),
            403 => ("You do not have access to this page", "Your role does not allow this. If you need it for your work, ask an administrator."),
            413 => ("The upload is too large", "The file is over the size limit for evidence. Upload a smaller file, or add a link to where it is kept."),
            404 => ("Page not found", "The page or record does not exist. It may have been deleted, or the address may be mistyped."),
            405 => ("That action is not possible here", "Go back and use the page's own buttons and links."),
            429 => ("Too many attempts", "Wait a few minutes and try again."),
            _ => ("Sorry, something went wrong", "The problem has been logged. Try again in a moment; if it keeps happening, tell your administrator."),
        };
    }
}
