using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenIsms.Bench;

public sealed record LoadResult(string Url, int Connections, int Requests, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, int Non200)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Url,-40} c={Connections} n={Requests}: {RequestsPerSecond,8:F0} req/s  p50 {P50Ms,6:F2} ms  p95 {P95Ms,6:F2} ms  p99 {P99Ms,6:F2} ms{(Non200 > 0 ? $"  NON-200: {Non200}" : "")}");
}

/// <summary>Drives a URL with hey (Debian package) and reads its latency distribution.</summary>
public static partial class Load
{
    public static async Task<LoadResult> Run(string baseUrl, string path, string cookie, int requests, int connections)
    {
        var start = new ProcessStartInfo("hey", ["-n", requests.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture), "-H", "Cookie: " + cookie, baseUrl + path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("hey is not installed (apt-get install hey).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        double Percentile(string p) => double.Parse(Regex.Match(output, $@"\s{p}% in ([\d.]+) secs").Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
        var rps = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var ok = Regex.Match(output, @"\[200\]\s+(\d+) responses");
        var okCount = ok.Success ? int.Parse(ok.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(path, connections, requests, rps, Percentile("50"), Percentile("95"), Percentile("99"), requests - okCount);
    }
}
