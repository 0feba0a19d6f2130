using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;

namespace OpenIsms.IntegrationTests.Infrastructure;

/// <summary>
/// One running app per provider for the test classes of its collection (<see cref="SharedHosts"/>), started once on a
/// copy of the run's template instead of once per class. Each class leases it through <see cref="SqliteApp"/> or
/// <see cref="PostgresApp"/>, which first puts the data back as the template left it (<see cref="Reset"/>): a class sees
/// what a host of its own used to give it, a freshly seeded installation.
/// </summary>
public abstract class SharedHost(Provider provider) : AppFactory(provider), IAsyncLifetime
{
    private static readonly Dictionary<Provider, SharedHost> Running = [];
    private int leased;
    private bool used;

    protected override bool FromTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // A host of its own per class never lived long enough for the background checkpoint (every five minutes); a
        // shared one would write checkpoints of one class's log into the next class's data. Checkpoints are still
        // written on demand (the verify page), as before.
        builder.UseSetting("Activity:CheckpointMinutes", "43200");
    }

    /// <summary>Starts the host (the collection's fixture, before its first class) and offers it to the collection's classes.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        lock (Running)
        {
            Running[Provider] = this;
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (Running)
        {
            Running.Remove(Provider);
        }

        base.Dispose(disposing);
    }

    /// <summary>The provider's shared host for a class of its collection, with the data as the template left it.</summary>
    internal static async Task<SharedHost> Lease(Provider provider, string leaser)
    {
        SharedHost host;
        lock (Running)
        {
            host = Running.GetValueOrDefault(provider) ?? throw new InvalidOperationException(
                $"{leaser} uses the shared {provider} host, so it belongs in the collection \"{SharedHosts.NameOf(provider)}\": add [Collection(SharedHosts.{provider})].");
        }

        if (Interlocked.Exchange(ref host.leased, 1) == 1)
        {
            throw new InvalidOperationException($"{leaser} leased the shared {provider} host while another class had it: put it in the collection \"{SharedHosts.NameOf(provider)}\".");
        }

        if (host.used)
        {
            try
            {
                await host.Reset();
            }
            catch
            {
                // One class's failed reset must fail that class only, not every class after it.
                host.Release();
                throw;
            }
        }

        host.used = true;
        return host;
    }

    internal void Release() => Interlocked.Exchange(ref leased, 0);

    /// <summary>
    /// The data folder and database back to the template's state, and what the app keeps in memory about them forgotten
    /// through the app's own hook (<see cref="INodeMemory"/>): the organisation's profile (name, time zone: kept a
    /// minute), the SoA summary (keyed by the log's head, which the copy shares with the template) and the
    /// newest-checkpoint reading of the checkpoint file (which only ever grows in production, so the app reads on from
    /// where it stopped).
    /// </summary>
    private async Task Reset()
    {
        Database.ResetTo(await Templates.For(Provider));
        foreach (var memory in Services.GetServices<INodeMemory>())
        {
            memory.Forget();
        }
    }
}

public sealed class SharedSqliteHost() : SharedHost(Provider.Sqlite);

public sealed class SharedPostgresHost() : SharedHost(Provider.PostgreSql);

/// <summary>
/// The collections whose classes share one host per provider. A collection's classes run one after the other, so that
/// no two of them use the host at once; the two collections run in parallel with each other and with every class that
/// has a host of its own.
/// </summary>
public static class SharedHosts
{
    public const string Sqlite = "Shared SQLite host";
    public const string PostgreSql = "Shared PostgreSQL host";

    public static string NameOf(Provider provider) => provider == Provider.Sqlite ? Sqlite : PostgreSql;
}

[CollectionDefinition(SharedHosts.Sqlite)]
public sealed class SharedSqliteCollection : ICollectionFixture<SharedSqliteHost>;

[CollectionDefinition(SharedHosts.PostgreSql)]
public sealed class SharedPostgresCollection : ICollectionFixture<SharedPostgresHost>;

/// <summary>A class's lease of its provider's shared host (a class fixture): the app, freshly reset to the seeded template.</summary>
public abstract class SharedApp(Provider provider) : IAsyncLifetime
{
    private SharedHost? host;

    public AppFactory App => host ?? throw new InvalidOperationException("The shared host is leased when the class starts.");

    public async Task InitializeAsync() => host = await SharedHost.Lease(provider, GetType().Name);

    public Task DisposeAsync()
    {
        host?.Release();
        return Task.CompletedTask;
    }
}
