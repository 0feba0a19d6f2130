using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace OpenIsms.IntegrationTests.Infrastructure;

/// <summary>
/// The real SMTP server the mail tests send to (maildev, started by test.sh: OPENISMS_TEST_SMTP), and the mail it
/// received, read back through its REST API (OPENISMS_TEST_MAILDEV). Each test mails addresses of its own, so tests
/// running at the same time never see each other's mail.
/// </summary>
public static class TestMailServer
{
    private static readonly HttpClient Api = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static string Smtp => Environment.GetEnvironmentVariable("OPENISMS_TEST_SMTP") is { Length: > 0 } smtp ? smtp
        : throw new InvalidOperationException("OPENISMS_TEST_SMTP is not set. Run the tests with ./test.sh, which starts an SMTP server (maildev) for them.");

    private static string Web => Environment.GetEnvironmentVariable("OPENISMS_TEST_MAILDEV") is { Length: > 0 } web ? web.TrimEnd('/')
        : throw new InvalidOperationException("OPENISMS_TEST_MAILDEV is not set. Run the tests with ./test.sh, which starts maildev and names its web API.");

    /// <summary>The app's settings for the test server (or for <paramref name="port"/> on its host), looking at the outbox every second.</summary>
    public static Dictionary<string, string?> AppSettings(int? port = null)
    {
        var (host, smtpPort) = HostAndPort(Smtp);
        return new()
        {
            ["Mail:Smtp:Host"] = host,
            ["Mail:Smtp:Port"] = (port ?? smtpPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:From"] = "isms@example.test",
            ["Mail:PollSeconds"] = "1",
            // The digest tests send digests themselves, for a day they choose; the background one would race them.
            ["Mail:DigestHour"] = "-1",
            ["PublicUrl"] = "http://openisms.test",
        };
    }

    /// <summary>A port on the server's host where nothing listens: the mail server is down.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>An address no other test mails.</summary>
    public static string NewAddress(string label) => $"{label}-{Guid.NewGuid():N}@example.test";

    /// <summary>The mails the server received for an address, in the order they arrived.</summary>
    public static async Task<List<Received>> To(string address) =>
        await Api.GetFromJsonAsync<List<Received>>($"{Web}/api/email?to.address={Uri.EscapeDataString(address)}") ?? [];

    /// <summary>Waits until at least <paramref name="count"/> mails reached the address (the sender looks every second), then returns them.</summary>
    public static async Task<List<Received>> WaitFor(string address, int count = 1, int seconds = 30)
    {
        var until = Environment.TickCount64 + (seconds * 1000L);
        while (true)
        {
            var mails = await To(address);
            if (mails.Count >= count || Environment.TickCount64 > until)
            {
                return mails;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>As <see cref="WaitFor(string, int, int)"/>, counting only the mails whose subject contains <paramref name="subject"/> (an address other tests mail too).</summary>
    public static async Task<List<Received>> WaitFor(string address, string subject, int count = 1, int seconds = 30)
    {
        var until = Environment.TickCount64 + (seconds * 1000L);
        while (true)
        {
            var mails = (await To(address)).Where(m => m.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
            if (mails.Count >= count || Environment.TickCount64 > until)
            {
                return mails;
            }

            await Task.Delay(250);
        }
    }

    private static (string Host, int Port) HostAndPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon < 0 ? (value, 25) : (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public sealed record Mailbox(string Address, string? Name);

    public sealed record Received(string Subject, List<Mailbox> To, List<Mailbox> From, string? Text, string? Html);
}
