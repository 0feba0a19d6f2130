using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OpenIsms.Bench;

/// <summary>The built OpenIsms.Web started as its own process on a free port, over a data folder of the benchmark's.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => process.Id;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string WebFolder => Path.Combine(RepositoryRoot, "src", "OpenIsms.Web");

    public static string WebDll => Path.Combine(WebFolder, "bin", "Release", "net10.0", "OpenIsms.Web.dll");

    /// <summary>Starts the app and returns once /health/ready answers 200, with the elapsed wall time.</summary>
    public static async Task<(AppProcess App, TimeSpan Ready)> Start(IDictionary<string, string> environment)
    {
        if (!File.Exists(WebDll))
        {
            throw new InvalidOperationException($"Build first: dotnet build -c Release ({WebDll} is missing).");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [WebDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = WebFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            // Warnings and errors only (the log level is set above): a benchmark that hides server errors measures nothing.
            if (e.Data is not null)
            {
                Console.Error.WriteLine("app: " + e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("app: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await http.GetAsync(app.BaseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return (app, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The app was not ready within two minutes.");
    }

    /// <summary>Resident memory of the server process now, and its peak, from /proc.</summary>
    public (double RssMiB, double PeakMiB) Memory()
    {
        var status = File.ReadAllText($"/proc/{process.Id}/status");
        double Read(string key) => double.Parse(Regex.Match(status, key + @":\s+(\d+) kB").Groups[1].Value) / 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenIsms.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
