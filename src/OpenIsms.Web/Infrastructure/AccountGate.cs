using OpenIsms.Web.Account;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// What a signed-in person must do before anything else: choose their own password when an administrator set it,
/// and set up a second factor when the organisation requires one. Until then every page leads to My account (or the
/// authenticator set-up); signing out, static files and the API (which uses tokens, not this sign-in) are not held up.
/// </summary>
public static class AccountGate
{
    public static IApplicationBuilder UseAccountGate(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated != true || Api.ApiProblems.IsApi(path) || path.StartsWithSegments(AccountUrls.Logout)
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
            || path.StartsWithSegments("/error") || path.StartsWithSegments("/health") || path.StartsWithSegments("/favicon.svg"))
        {
            await next();
            return;
        }

        if (user.HasClaim(c => c.Type == OpenIsmsClaimsFactory.MustChangePassword))
        {
            if (path != AccountUrls.Home)
            {
                context.Response.Redirect(AccountUrls.PasswordRequired);
                return;
            }
        }
        else if (user.HasClaim(c => c.Type == OpenIsmsClaimsFactory.MustSetUpTwoFactor) && path != AccountUrls.TwoFactor)
        {
            context.Response.Redirect(AccountUrls.TwoFactorRequired);
            return;
        }

        await next();
    });
}
