using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Failed sign-in attempts (password, second factor, recovery code) per client: after a few failures in a window the
/// client waits. Only failures count, so an office behind one address is not held up by its own people signing in;
/// IPv6 clients count by their /64, which one attacker controls whole. Password failures at sign-in do not lock the
/// account — nobody outside can lock the administrator out by guessing — while each client gets only a few guesses.
/// Kept per node in memory: with several nodes each allows its own few.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;

    public SignInThrottle(IConfiguration config)
    {
        Attempts = Math.Max(1, config.GetValue<int?>("SignIn:AttemptsPerClient") ?? 10);
        Window = TimeSpan.FromMinutes(Math.Max(1, config.GetValue<int?>("SignIn:WindowMinutes") ?? 15));
        failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Attempts, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public int Attempts { get; }

    public TimeSpan Window { get; }

    public string Message => $"There were too many failed sign-in attempts from your network. Wait {Window.TotalMinutes:0} minutes and try again, or ask an administrator.";

    /// <summary>The client a request comes from, as the throttle counts it (after trusted proxies' forwarded address).</summary>
    public static string Client(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? Convert.ToHexString(address.GetAddressBytes(), 0, 8) + "::/64"
            : address.ToString();
    }

    /// <summary>The client has used up its failures for now; the page answers 429 with <see cref="Message"/>.</summary>
    public bool IsHeld(HttpContext http) => failures.GetStatistics(Client(http))?.CurrentAvailablePermits == 0;

    public void Failed(HttpContext http)
    {
        using var lease = failures.AttemptAcquire(Client(http));
    }

    public void Dispose() => failures.Dispose();
}
