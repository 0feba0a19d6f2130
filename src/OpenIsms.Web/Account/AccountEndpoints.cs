using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;
using OpenIsms.Web.Account;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Infrastructure;

public sealed class AccountEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Signing out is a form post (antiforgery-checked because it reads the form); anyone may sign out.
        app.MapPost(AccountUrls.Logout, async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn, HttpContext http) =>
        {
            // A new security stamp ends the session everywhere this cookie was copied, not only in this browser.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(AccountUrls.SignedOut);
        }).AllowAnonymous();
    }
}
