using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;
using OpenIsms.Web.Account;

namespace OpenIsms.Web.Infrastructure;

/// <summary>Deactivated users cannot sign in, whatever their password.</summary>
public sealed class OpenIsmsSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}

/// <summary>
/// Puts the display name into the cookie so pages and the activity log can name the user, and what the user must do
/// before anything else (<see cref="AccountGate"/>): choose their own password, or set up a second factor when the
/// organisation requires one. The claims are made afresh at each sign-in and each security-stamp revalidation.
/// </summary>
public sealed class OpenIsmsClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, Core.Data.OpenIsmsDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "openisms:must_change_password";
    public const string MustSetUpTwoFactor = "openisms:must_set_up_2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "1"));
        }

        if (!user.TwoFactorEnabled && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<Core.Organisations.Organisation>(), o => o.RequireTwoFactor))
        {
            identity.AddClaim(new Claim(MustSetUpTwoFactor, "1"));
        }

        return identity;
    }
}

public static class IdentitySetup
{
    public static IServiceCollection AddOpenIsmsIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<Core.Data.OpenIsmsDbContext>()
            .AddSignInManager<OpenIsmsSignInManager>()
            .AddClaimsPrincipalFactory<OpenIsmsClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountUrls.Login;
            o.LogoutPath = AccountUrls.Logout;
            o.AccessDeniedPath = AccountUrls.AccessDenied;
            o.Cookie.Name = "openisms.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // Secure whenever the request came over HTTPS, also through a reverse proxy (forwarded headers).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Signing out, a password change or a deactivation changes the security stamp: every copy of the old cookie
        // stops working at its next revalidation (by default within a minute; 0 checks on every request).
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, config.GetValue<int?>("Identity:RevalidateSeconds") ?? 60)));
        return services;
    }
}
