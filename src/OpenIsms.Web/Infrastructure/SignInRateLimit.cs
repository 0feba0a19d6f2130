using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Sign-in attempts (password, second factor, recovery code) per client: a fixed number of posts per window, from
/// the client's address (behind a proxy, the forwarded one). Password failures at sign-in do not lock the account —
/// so nobody outside can lock the administrator out by guessing — while each client gets only a few guesses.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var attempts = Math.Max(1, config.GetValue<int?>("SignIn:AttemptsPerClient") ?? 10);
        var window = TimeSpan.FromMinutes(Math.Max(1, config.GetValue<int?>("SignIn:WindowMinutes") ?? 15));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsync(ErrorEndpoints.Render(429, "Too many sign-in attempts",
                    $"There were too many sign-in attempts from your network. Wait {window.TotalMinutes:0} minutes and try again, or ask an administrator."), ct);
            };
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("pages"));
        });
        return services;
    }
}
