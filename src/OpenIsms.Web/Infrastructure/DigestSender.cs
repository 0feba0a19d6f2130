using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenIsms.Core.Common;
using OpenIsms.Core.Reminders;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Sends the daily digests on every node, from <see cref="MailOptions.DigestHour"/> of the organisation's day: every
/// few minutes it asks <see cref="SendDigests"/> for the users who have none yet today (claimed in the database, so
/// once across nodes). Links point at <c>PublicUrl</c>, or else at the address this server listens on.
/// </summary>
public sealed class DigestSender(IServiceScopeFactory scopes, MailOptions options, IConfiguration config, IServer server, TimeProvider time, ILogger<DigestSender> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsConfigured || options.DigestHour < 0)
        {
            return; // no mail server, or digests switched off (Mail:DigestHour below 0)
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
                var clock = scope.ServiceProvider.GetRequiredService<Clock>();
                var zone = await clock.Zone(stoppingToken);
                var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
                if (local.Hour >= Math.Min(options.DigestHour, 23))
                {
                    var sent = await scope.ServiceProvider.GetRequiredService<SendDigests>().Handle(new SendDigests.Command
                    {
                        Today = DateOnly.FromDateTime(local.DateTime),
                        LinkBase = LinkBase(),
                        UnsubscribeLink = Unsubscribe.LinkFor(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), LinkBase()),
                    }, stoppingToken);
                    if (sent > 0)
                    {
                        log.LogInformation("Queued {Count} daily digests.", sent);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Preparing the daily digests failed; they are tried again in a few minutes.");
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string LinkBase()
    {
        var configured = config["PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary>The digest's unsubscribe link: the user's id, protected (signed and encrypted) with the app's data-protection keys, so it cannot be made up or altered.</summary>
public static class Unsubscribe
{
    public const string Base = "/mail/unsubscribe";

    private const string Purpose = "OpenIsms.DigestUnsubscribe.v1";

    public static Func<string, string> LinkFor(IDataProtectionProvider protection, string linkBase)
    {
        var protector = protection.CreateProtector(Purpose);
        return userId => $"{linkBase.TrimEnd('/')}{Base}/{protector.Protect(userId)}";
    }

    /// <summary>The user a link names, or null for one that was altered or made with other keys.</summary>
    public static string? UserOf(IDataProtectionProvider protection, string token)
    {
        try
        {
            return protection.CreateProtector(Purpose).Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
