using System.Diagnostics;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>
/// Prints an HTML document to PDF with a headless Chromium on the server, when one is installed (Debian's package
/// <c>chromium</c>, or the binary named by <c>Pdf:Chromium</c>). Chromium is BSD-licensed and runs as a separate
/// program; nothing of it is linked. Without it, PDF exports are not offered and the pages print from the browser.
/// </summary>
public sealed class PdfPrinter(IConfiguration config, ILogger<PdfPrinter> log)
{
    // Chromium takes a few hundred megabytes while it prints: at most two at a time.
    private static readonly SemaphoreSlim Printing = new(2, 2);

    public string? Chromium { get; } = Find(config["Pdf:Chromium"]);

    public bool Available => Chromium is not null;

    /// <summary>One Chromium kept open for many documents (see <see cref="PdfSession"/>); null when there is no Chromium or it would not start.</summary>
    public Task<PdfSession?> Session(int tabs, CancellationToken ct) =>
        Chromium is null ? Task.FromResult<PdfSession?>(null) : PdfSession.Open(Chromium, tabs, log, ct);

    /// <summary>The PDF as a stream over a temporary file that is deleted when the stream is closed; null when printing failed.</summary>
    public async Task<Stream?> Print(string html, CancellationToken ct)
    {
        if (Chromium is null)
        {
            return null;
        }

        var work = Path.Combine(Path.GetTempPath(), "openisms-pdf", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var output = Path.Combine(Path.GetTempPath(), "openisms-pdf", Guid.NewGuid().ToString("N") + ".pdf");
        await Printing.WaitAsync(ct);
        try
        {
            var input = Path.Combine(work, "document.html");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(Chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-quic",
                $"--user-data-dir={Path.Combine(work, "profile")}", "--no-pdf-header-footer", $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                log.LogError("Chromium did not print the PDF within 60 seconds.");
                File.Delete(output);
                return null;
            }

            if (!File.Exists(output) || new FileInfo(output).Length == 0)
            {
                log.LogError("Chromium produced no PDF (exit code {Code}): {Errors}", process.ExitCode, await errors);
                File.Delete(output);
                return null;
            }

            return new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        finally
        {
            Printing.Release();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temp folder is cleaned by the system.
            }
        }
    }

    private static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }
}
