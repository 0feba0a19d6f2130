using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data.Log;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Anchors the activity log outside the database: at each interval, if the log has grown, a signed checkpoint of its
/// head is appended to the checkpoint file. Several nodes may each write one; a repeated checkpoint does no harm.
/// </summary>
public sealed class ActivityCheckpointer(IServiceScopeFactory scopes, ActivityKeyOptions options, ILogger<ActivityCheckpointer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
                var outcome = await scope.ServiceProvider.GetRequiredService<WriteActivityCheckpoint>().Handle(onlyIfGrown: true, stoppingToken);
                if (outcome.Refusal is { } refusal)
                {
                    log.LogError("No activity checkpoint was written: {Refusal}", refusal);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Writing the activity checkpoint failed; it is tried again at the next interval.");
            }
        }
    }
}
