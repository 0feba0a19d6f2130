using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>
/// One headless Chromium kept open to print many documents, driven over its DevTools protocol (a WebSocket on the
/// loopback): starting Chromium costs about a second, printing a page in an open tab a few tens of milliseconds, so a
/// pack of a thousand documents is printed by one browser with a tab per core. The PDF is read back in chunks and
/// written to the caller's stream, so memory stays flat. Disposing closes the browser and removes its profile.
/// </summary>
public sealed class PdfSession : IAsyncDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly string work;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> waiting = new();
    private readonly ConcurrentDictionary<string, string> frames = new();
    private readonly Channel<string> tabs = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task? reading;
    private int nextId;

    // Read back in chunks whose base64 text stays below the large-object heap (85,000 bytes), so a thousand PDFs leave no
    // large garbage behind.
    private const int ReadChunk = 30_000;

    private PdfSession(Process process, string work)
    {
        this.process = process;
        this.work = work;
    }

    /// <summary>Starts Chromium with <paramref name="tabCount"/> tabs; null (and logged) when it cannot be started.</summary>
    public static async Task<PdfSession?> Open(string chromium, int tabCount, ILogger log, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "openisms-pdf", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var start = new ProcessStartInfo(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-quic", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", $"--user-data-dir={Path.Combine(work, "profile")}", "about:blank",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var session = new PdfSession(process, work);
        try
        {
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            string? endpoint = null;
            while (endpoint is null && await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                const string marker = "DevTools listening on ";
                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    endpoint = line[marker.Length..].Trim();
                }
            }

            if (endpoint is null)
            {
                log.LogError("Chromium ended before it opened its DevTools endpoint (exit code {Code}).", process.HasExited ? process.ExitCode : -1);
                await session.DisposeAsync();
                return null;
            }

            _ = DrainErrors(process);
            await session.socket.ConnectAsync(new Uri(endpoint), timeout.Token);
            session.reading = session.Read();
            for (var i = 0; i < Math.Max(1, tabCount); i++)
            {
                var target = await session.Call("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, timeout.Token);
                var attached = await session.Call("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, timeout.Token);
                var tab = attached["sessionId"]!.GetValue<string>();
                var tree = await session.Call("Page.getFrameTree", [], tab, timeout.Token);
                session.frames[tab] = tree["frameTree"]!["frame"]!["id"]!.GetValue<string>();
                session.tabs.Writer.TryWrite(tab);
            }

            return session;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            log.LogError(ex, "Chromium could not be started for printing.");
            await session.DisposeAsync();
            return null;
        }
    }

    /// <summary>Prints the HTML to <paramref name="target"/>; false when Chromium failed on it (within a minute).</summary>
    public async Task<bool> Print(string html, Stream target, CancellationToken ct)
    {
        var tab = await tabs.Reader.ReadAsync(ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            // The page's content is replaced in place (no navigation, no file): half the time of loading each document anew.
            await Call("Page.setDocumentContent", new JsonObject { ["frameId"] = frames[tab], ["html"] = html }, tab, timeout.Token);
            var options = new JsonObject
            {
                ["printBackground"] = true, ["preferCSSPageSize"] = true, ["displayHeaderFooter"] = false, ["transferMode"] = "ReturnAsStream",
            };
            var printed = await Call("Page.printToPDF", options, tab, timeout.Token);
            var handle = printed["stream"]!.GetValue<string>();
            try
            {
                while (true)
                {
                    var chunk = await Call("IO.read", new JsonObject { ["handle"] = handle, ["size"] = ReadChunk }, tab, timeout.Token);
                    var data = chunk["data"]?.GetValue<string>() ?? "";
                    var bytes = chunk["base64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(data);
                    await target.WriteAsync(bytes, ct);
                    if (chunk["eof"]?.GetValue<bool>() == true)
                    {
                        break;
                    }
                }
            }
            finally
            {
                await Call("IO.close", new JsonObject { ["handle"] = handle }, tab, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }

            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or InvalidOperationException or TimeoutException && !ct.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            tabs.Writer.TryWrite(tab);
        }
    }

    private async Task<JsonNode> Call(string method, JsonObject parameters, string? tab, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (tab is not null)
        {
            message["sessionId"] = tab;
        }

        await sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            sending.Release();
        }

        try
        {
            return await answer.Task.WaitAsync(ct);
        }
        finally
        {
            waiting.TryRemove(id, out _);
        }
    }

    private async Task Read()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, stopping.Token);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length));
                if (node?["id"] is { } idNode && waiting.TryGetValue(idNode.GetValue<int>(), out var answer))
                {
                    if (node["error"] is { } error)
                    {
                        answer.TrySetException(new InvalidOperationException($"Chromium: {error["message"]}"));
                    }
                    else
                    {
                        answer.TrySetResult(node["result"] ?? new JsonObject());
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
            // The browser closed or the session is ending.
        }

        foreach (var answer in waiting.Values)
        {
            answer.TrySetException(new InvalidOperationException("Chromium closed the connection."));
        }
    }

    private static async Task DrainErrors(Process process)
    {
        try
        {
            while (await process.StandardError.ReadLineAsync() is not null)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException)
        {
        }

        socket.Dispose();
        if (reading is not null)
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }

        process.Dispose();
        stopping.Dispose();
        sending.Dispose();
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may hold its profile for a moment after it ends; the temp folder is cleaned by the system.
        }
    }
}
