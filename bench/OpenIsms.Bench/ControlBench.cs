using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 4's figures: at the large-organisation size plus 10,000 controls and 200,000 evidence items, the SoA page,
/// a control page with its evidence, the SoA exports (time and server memory), and uploads of 5 MB and 50 MB files
/// (the server's peak memory must not grow with the file size).
/// </summary>
public static partial class ControlBench
{
    public static async Task Run(bool small)
    {
        var kept = Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder, ["Evidence__MaxFileMegabytes"] = "100" };
        try
        {
            Console.WriteLine($"OpenIsms controls benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite · {(small ? "small" : "large")}");
            var generate = Stopwatch.StartNew();
            if (!File.Exists(Path.Combine(folder, "openisms.db")))
            {
                await Session.CreateAdmin(environment);
                await new Generator(environment).Run(small ? Generator.Size.Small : Generator.Size.Large);
            }
            else
            {
                // Migrations for the new tables run when the app starts; start it once before generating.
                var (first, _) = await AppProcess.Start(environment);
                await first.DisposeAsync();
            }

            await new ControlGenerator(environment).Run(small ? ControlGenerator.Size.Small : ControlGenerator.Size.Large);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data ready in {generate.Elapsed.TotalSeconds:F0} s; database {new FileInfo(Path.Combine(folder, "openisms.db")).Length / 1048576.0:F0} MiB"));

            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
                http.DefaultRequestHeaders.Add("Cookie", cookie);
                var controls = await http.GetStringAsync("/controls");
                var control = ControlLink().Match(controls).Groups[1].Value;

                await Load.Run(app.BaseUrl, "/soa", cookie, 200, 4); // warm-up
                await Load.Run(app.BaseUrl, $"/controls/{control}", cookie, 200, 4);
                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/soa", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/soa", cookie, 1_000, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, $"/controls/{control}", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/controls", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/evidence?state=Expired", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/", cookie, 2_000, 4));
                await Export(http, app, "/soa/export.xlsx?version=draft");
                await Export(http, app, "/soa/export.docx?version=draft");
                await Export(http, app, "/soa/export.xlsx?version=draft");
                await Export(http, app, "/soa/export.docx?version=draft");
                await Upload(http, app, control, 5);
                await Upload(http, app, control, 50);
                await Upload(http, app, control, 50);
                var (rss, peak) = app.Memory();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory: {rss:F0} MiB resident now, {peak:F0} MiB peak"));
            }
        }
        finally
        {
            if (kept is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task Export(HttpClient http, AppProcess app, string path)
    {
        var before = app.Memory();
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var bytes = 0L;
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var after = app.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path,-40} {(int)response.StatusCode} in {clock.Elapsed.TotalMilliseconds:F0} ms, {bytes / 1024.0:F0} KiB; server resident {before.RssMiB:F0} → {after.RssMiB:F0} MiB, peak {before.PeakMiB:F0} → {after.PeakMiB:F0} MiB"));
    }

    /// <summary>Posts a file of the given size through the "add evidence" form, streamed from a generator, and reads the server's memory around it.</summary>
    private static async Task Upload(HttpClient http, AppProcess app, string control, int megabytes)
    {
        var page = await http.GetStringAsync($"/controls/{control}/evidence/new");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in RiskBench.Hidden(Regex.Match(page, "<main[\\s\\S]*</main>").Value))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent("File"), "Input.Kind");
        form.Add(new StringContent($"Benchmark upload {megabytes} MB"), "Input.Title");
        form.Add(new StringContent(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "Input.CollectedOn");
        form.Add(new StreamContent(new PdfStream(megabytes * 1024L * 1024)), "File", $"upload-{megabytes}mb.pdf");
        var before = app.Memory();
        var clock = Stopwatch.StartNew();
        var response = await http.PostAsync($"/controls/{control}/evidence/new", form);
        var after = app.Memory();
        var ok = response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/evidence/", StringComparison.Ordinal) == true;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upload {megabytes,3} MB evidence file: {clock.Elapsed.TotalMilliseconds:F0} ms{(ok ? "" : $" — FAILED {(int)response.StatusCode}")}; server resident {before.RssMiB:F0} → {after.RssMiB:F0} MiB, peak {before.PeakMiB:F0} → {after.PeakMiB:F0} MiB"));
    }

    /// <summary>A PDF-looking stream of the given length, made as it is read, so the client holds no copy either.</summary>
    private sealed class PdfStream(long length) : Stream
    {
        private static readonly byte[] Header = Encoding.ASCII.GetBytes("%PDF-1.4\n");
        private static readonly byte[] Trailer = Encoding.ASCII.GetBytes("\n%%EOF\n");
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            for (var i = 0; i < n; i++)
            {
                var at = position + i;
                buffer[offset + i] = at < Header.Length ? Header[at] : at >= length - Trailer.Length ? Trailer[at - (length - Trailer.Length)] : (byte)('a' + (at % 26));
            }

            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [GeneratedRegex("href=\"/controls/([0-9a-f-]{36})\"")]
    private static partial Regex ControlLink();
}
