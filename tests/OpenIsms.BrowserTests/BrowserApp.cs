using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests;

/// <summary>
/// The real app on a real Kestrel port over a fresh SQLite database, driven by Debian's Chromium.
/// Set OPENISMS_CHROMIUM to use another Chromium binary; screenshots go to OPENISMS_SCREENSHOTS (default: a temp folder).
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "openisms-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public BrowserApp()
    {
        Directory.CreateDirectory(folder);
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("OPENISMS_SCREENSHOTS") is { Length: > 0 } s ? s : Path.Combine(Path.GetTempPath(), "openisms-screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Data:Folder", folder);

        // Mail goes to the test SMTP server (maildev, started by test.sh), looked at every second.
        if (Environment.GetEnvironmentVariable("OPENISMS_TEST_SMTP") is { Length: > 0 } smtp)
        {
            var colon = smtp.LastIndexOf(':');
            builder.UseSetting("Mail:Smtp:Host", colon < 0 ? smtp : smtp[..colon]);
            builder.UseSetting("Mail:Smtp:Port", colon < 0 ? "25" : smtp[(colon + 1)..]);
            builder.UseSetting("Mail:Smtp:Security", "None");
            builder.UseSetting("Mail:From", "isms@fabrikam.example");
            builder.UseSetting("Mail:PollSeconds", "1");
        }
    }

    public async Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPENISMS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000); // generous: CI runs the integration tests beside these on two cores
        Assertions.SetDefaultExpectTimeout(30_000); // the waiting assertions too, instead of their 5 s
        return page;
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// Looks at a page as the tests do on every page they visit: a screenshot to open, no duplicate id (labels and the
    /// error summary's links point at ids), and axe-core's accessibility rules with no serious or critical violation.
    /// </summary>
    public static async Task Look(IPage page, string name)
    {
        await Screenshot(page, name);
        await Accessibility.Check(page, name);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the finishing host is left for the OS's temp clean-up.
        }
    }
}
