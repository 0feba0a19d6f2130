using OpenIsms.Core.Common;
using OpenIsms.Core.Notifications;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Works the outbox on every node: sends a batch (claimed in the database, so nodes never send a mail twice), then
/// waits <see cref="MailOptions.PollSeconds"/> — or goes on at once when the batch was full. Each batch has a scope of
/// its own. A failure is logged and the loop goes on; without a mail server configured it does not run at all.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, MailOptions options, TimeProvider time, ILogger<MailSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsConfigured)
        {
            log.LogInformation("No mail server is configured (Mail:Smtp:Host): mail waits in the outbox.");
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
                var outcome = await scope.ServiceProvider.GetRequiredService<SendQueuedMail>().Handle(stoppingToken);
                full = outcome.Claimed == SendQueuedMail.BatchSize;
                if (outcome.Failed > 0)
                {
                    log.LogWarning("{Failed} of {Claimed} mails could not be sent; they are tried again later (see Settings → Mail).", outcome.Failed, outcome.Claimed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Sending mail from the outbox failed; it is tried again at the next interval.");
            }

            try
            {
                await Task.Delay(full ? TimeSpan.Zero : poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
