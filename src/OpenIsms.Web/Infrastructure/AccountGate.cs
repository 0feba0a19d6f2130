namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// What a signed-in person must do before anything else: choose their own password when an administrator set it,
/// and set up a second factor when the organisation requires one. Until then every page leads to My account (or the
/// authenticator set-up); signing out, static files and the API (which uses tokens, not this sign-in) are not held up.
/// </summary>
public static class AccountGate
{
    public const string PasswordPage = "/account?required=password";
    public const string TwoFactorPage = "/account/2fa?required=1";

    public static IApplicationBuilder UseAccountGate(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated != true || Api.ApiProblems.IsApi(path) || path.StartsWithSegments("/account/logout")
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
            || path.StartsWithSegments("/error") || path.StartsWithSegments("/health") || path.StartsWithSegments("/favicon.svg"))
        {
            await next();
            return;
        }

        if (user.HasClaim(c => c.Type == OpenIsmsClaimsFactory.MustChangePassword))
        {
            if (path != "/account")
            {
                context.Response.Redirect(PasswordPage);
                return;
            }
        }
        else if (user.HasClaim(c => c.Type == OpenIsmsClaimsFactory.MustSetUpTwoFactor) && path != "/account/2fa")
        {
            context.Response.Redirect(TwoFactorPage);
            return;
        }

        await next();
    });
}
