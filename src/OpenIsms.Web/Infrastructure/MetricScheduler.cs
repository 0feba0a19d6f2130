using OpenIsms.Core.Common;
using OpenIsms.Core.Objectives;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Takes the automatic metrics' values when they are due, on every node: the schedule is each metric's next due date in
/// the database, and a metric measured by one node is not measured again by another (<see cref="TakeAutomaticMeasurements"/>).
/// </summary>
public sealed class MetricScheduler(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time, ILogger<MetricScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Metrics:PollMinutes", 15);
        if (minutes <= 0)
        {
            return; // switched off (the tests measure through the use case, under their own clock)
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
                var taken = await scope.ServiceProvider.GetRequiredService<TakeAutomaticMeasurements>().Handle(stoppingToken);
                if (taken > 0)
                {
                    log.LogInformation("Took {Count} automatic measurements.", taken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Taking the automatic measurements failed; it is tried again later.");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(minutes), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
