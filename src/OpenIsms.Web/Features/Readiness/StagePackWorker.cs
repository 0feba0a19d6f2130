using OpenIsms.Core.Common;
using OpenIsms.Core.Readiness;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Readiness;

/// <summary>Wakes this node's pack worker at once when someone starts a pack here (other nodes find it at their next poll).</summary>
public sealed class StagePackSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // already woken
            }
        }
    }

    public Task Wait(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Runs on every node: expires old packs, then claims a queued pack (or one whose node stopped) and builds it. The claim
/// is taken in the database, so of several nodes exactly one builds a pack; a node that stops mid-build lets its claim
/// lapse and another node builds the pack again from the start. A build that fails ends the pack with the reason.
/// </summary>
public sealed class StagePackWorker(IServiceScopeFactory scopes, StagePackSignal signal, IConfiguration config, ILogger<StagePackWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // 0 turns the background worker off (the tests build packs through RunOnce, one at a time).
        var seconds = config.GetValue("StagePack:PollSeconds", 5);
        if (seconds <= 0)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The Stage 1 pack worker failed; it tries again at the next interval.");
            }

            try
            {
                await signal.Wait(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The documents' state when this node last had every PDF kept; null before the first round.</summary>
    private string? warmedAt;

    /// <summary>Documents printed ahead of the next pack per idle round.</summary>
    public const int WarmPerRound = 100;

    /// <summary>
    /// When the documents changed since this node last warmed them, prints the PDFs a pack would otherwise print (up to
    /// <see cref="WarmPerRound"/> a round), so that a pack asked for later only copies them.
    /// </summary>
    private async Task Warm(IServiceProvider services, CancellationToken ct)
    {
        // Every idle round on every node: one query when nothing was recorded since (the log's head), the documents'
        // mark only when something was.
        var contents = services.GetRequiredService<GetStagePackContents>();
        var head = await contents.LogHeadNow(ct);
        if (head == headSeen)
        {
            return;
        }

        var fingerprint = await contents.Fingerprint(ct);
        if (fingerprint == warmedAt || await services.GetRequiredService<StagePackBuilder>().Warm(WarmPerRound, ct))
        {
            warmedAt = fingerprint;
            headSeen = head;
        }
    }

    /// <summary>The log's head when this node last found every PDF kept.</summary>
    private string? headSeen;

    /// <summary>One round: expire, then build at most one pack (or, idle, print the PDFs the next pack will need). True when a pack was built or failed here.</summary>
    public async Task<bool> RunOnce(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
        await services.GetRequiredService<ExpireStagePacks>().Handle(ct);
        if (await services.GetRequiredService<ClaimStagePack>().Handle(ct) is not { } claim)
        {
            await Warm(services, ct);
            return false;
        }

        log.LogInformation("Building Stage 1 pack {Pack}.", claim.PackId);
        BuiltStagePack? built;
        try
        {
            built = await services.GetRequiredService<StagePackBuilder>().Build(claim, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "Stage 1 pack {Pack} could not be built.", claim.PackId);
            await using var failing = scopes.CreateAsyncScope();
            failing.ServiceProvider.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
            await failing.ServiceProvider.GetRequiredService<FinishStagePack>().Fail(claim, "The pack could not be built; the server's log has the details. Start it again.", CancellationToken.None);
            return true;
        }

        if (built is null)
        {
            log.LogWarning("Stage 1 pack {Pack}: another node took it over.", claim.PackId);
            return false;
        }

        if (!await services.GetRequiredService<FinishStagePack>().Handle(claim, built, CancellationToken.None))
        {
            log.LogWarning("Stage 1 pack {Pack} was built, but another node had taken it over.", claim.PackId);
        }

        return true;
    }
}
