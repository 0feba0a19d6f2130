using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIsms.Core.Data;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Security;
using OpenIsms.Core.Setup;
using OpenIsms.Core.Users;

namespace OpenIsms.IntegrationTests.Infrastructure;

/// <summary>The real app over a real database. With <see cref="Seed"/> true it gets an organisation and one user per role.</summary>
public class AppFactory(Provider provider, bool seed = true, TestDatabase? shared = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-42";

    /// <summary>The fixture's own database, or another fixture's (a second process on the same data: a command, a node).</summary>
    public TestDatabase Database { get; } = shared ?? new(provider);

    public Provider Provider => provider;

    public static string EmailOf(string role) => role.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + "@example.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // A small evidence limit, so that the oversized-file test needs only a few megabytes.
        builder.UseSetting("Evidence:MaxFileMegabytes", "2");

        // Tests sign in hundreds of times from one client; the limit has a test of its own. Sessions are revalidated on
        // every request, so that a test sees a revoked cookie refused at once (production: within a minute).
        builder.UseSetting("SignIn:AttemptsPerClient", "100000");
        builder.UseSetting("Identity:RevalidateSeconds", "0");
        builder.UseSetting("Metrics:PollMinutes", "0"); // tests take automatic measurements through the use case, under their clock
        builder.UseSetting("StagePack:PollSeconds", "0"); // tests build Stage 1 packs through the worker's RunOnce, so that "joins" is certain
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (Environment.GetEnvironmentVariable("OPENISMS_TEST_LOG") is { Length: > 0 } logFile)
        {
            // For diagnosing a failing test: the server's log, errors included, appended to a file.
            builder.ConfigureLogging(l => l.AddProvider(new FileLoggerProvider(logFile)));
        }
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A seeded fixture of its own starts from a copy of a seeded database made once per provider and test run (Templates),
    /// instead of migrating, loading the catalogues and seeding anew; a fixture that changes the host's services or
    /// settings, shares a database or wants none of the seed sets this false.
    /// </summary>
    protected virtual bool FromTemplate => seed && shared is null && settings is null;

    public virtual async Task InitializeAsync()
    {
        if (FromTemplate)
        {
            Database.CopyFrom(await Templates.For(provider));
            _ = Server; // starts the host on the copy: migrations and the catalogue are already current, the seed is there
            return;
        }

        _ = Server; // starts the host: migrations and the catalogue load run now
        if (!seed)
        {
            return;
        }

        await Seed();
    }

    /// <summary>The organisation and one user per role.</summary>
    internal async Task Seed()
    {
        await using var scope = Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<SetUpInstallation>();
        (await setup.Handle(new("Acme Test Ltd", "Ada Admin", EmailOf(Roles.Administrator), Password))).Succeeded.ShouldBeTrue();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            var user = new AppUser { UserName = EmailOf(role), Email = EmailOf(role), DisplayName = $"{role} user", EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in as a user of the role.</summary>
    public async Task<TestClient> SignedIn(string role)
    {
        var client = NewClient();
        await client.SignIn(EmailOf(role), Password);
        return client;
    }

    /// <summary>An HTTP client for the JSON API with a personal token the user of the role created on the API tokens page.</summary>
    public async Task<HttpClient> ApiClient(string role)
    {
        using var browser = await SignedIn(role);
        var created = await browser.SubmitAt("/account/api-tokens", "main form", new Dictionary<string, string?> { ["Input.Name"] = "Tests", ["Input.Days"] = "30" });
        var page = await TestClient.Parse(created);
        var token = page.QuerySelector("#new-token code")?.TextContent ?? throw new InvalidOperationException("No token was shown.");
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public TestClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        if (shared is null)
        {
            Database.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>The id of the seeded user of a role, for forms and API bodies that name an owner.</summary>
    public Task<string> UserId(string role) => InScope(async sp =>
        (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(EmailOf(role)))!.Id);

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

/// <summary>One seeded database per provider for the whole run, copied by each seeded fixture (see <see cref="AppFactory.FromTemplate"/>).</summary>
public static class Templates
{
    private static readonly Lazy<Task<TestDatabase>> Sqlite = new(() => Make(Provider.Sqlite));
    private static readonly Lazy<Task<TestDatabase>> Postgres = new(() => Make(Provider.PostgreSql));

    public static Task<TestDatabase> For(Provider provider) => (provider == Provider.Sqlite ? Sqlite : Postgres).Value;

    private static async Task<TestDatabase> Make(Provider provider)
    {
        var database = new TestDatabase(provider);
        using (var app = new AppFactory(provider, seed: true, shared: database))
        {
            _ = app.Server;
            await app.Seed();
        }

        database.Quiesce();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.Dispose();
        return database;
    }
}

/// <summary>The seeded app on SQLite: the shared host, reset for the class; the class belongs in [Collection(SharedHosts.Sqlite)].</summary>
public sealed class SqliteApp() : SharedApp(Provider.Sqlite);

/// <summary>The seeded app on PostgreSQL: the shared host, reset for the class; the class belongs in [Collection(SharedHosts.PostgreSql)].</summary>
public sealed class PostgresApp() : SharedApp(Provider.PostgreSql);

public sealed class EmptySqliteApp() : AppFactory(Provider.Sqlite, seed: false);

public sealed class EmptyPostgresApp() : AppFactory(Provider.PostgreSql, seed: false);
