using OpenIsms.Core.Setup;
using OpenIsms.Core.Users;
using OpenIsms.Web.Account;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Until the first administrator exists, every page leads to /setup; afterwards /setup does not exist.
/// Once users exist the answer never changes back, so it is remembered after the first "yes".
/// </summary>
public sealed class SetupGate
{
    private volatile bool hasUsers;

    public async Task<bool> IsNeeded(IServiceProvider services, CancellationToken ct)
    {
        if (hasUsers)
        {
            return false;
        }

        var needed = await services.GetRequiredService<SetUpInstallation>().IsNeeded(ct);
        hasUsers = !needed;
        return needed;
    }

    public static IApplicationBuilder UseSetupGate(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css")
            || path.StartsWithSegments("/js") || path.StartsWithSegments("/error") || path.StartsWithSegments("/favicon.svg"))
        {
            await next();
            return;
        }

        var gate = context.RequestServices.GetRequiredService<SetupGate>();
        var needed = await gate.IsNeeded(context.RequestServices, context.RequestAborted);
        var isSetup = path.StartsWithSegments(AccountUrls.Setup);
        if (needed && !isSetup)
        {
            context.Response.Redirect(AccountUrls.Setup);
            return;
        }

        if (!needed && isSetup)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next();
    });
}
