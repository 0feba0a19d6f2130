using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 12's figures: at 5,000 documents × 5 versions, 1,000 people and 50 campaigns × 1,000 acknowledgements, the
/// register and a campaign's progress page beside the /health/live floor; the DOCX and PDF export of a 40-page policy;
/// a campaign asking 1,000 people (1,000 mails queued) and the rate at which the outbox sends them to a real SMTP server.
/// On SQLite, or with <c>postgres</c> on a new database of the server that <c>OPENISMS_BENCH_POSTGRES</c> names.
/// </summary>
public static partial class DocumentBench
{
    public static async Task Run(bool small, bool postgres)
    {
        var size = small ? DocumentGenerator.Size.Small : DocumentGenerator.Size.Large;
        var kept = postgres ? null : Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        string? server = null, database = null;
        if (postgres)
        {
            server = Environment.GetEnvironmentVariable("OPENISMS_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set OPENISMS_BENCH_POSTGRES to a PostgreSQL server's connection string (a role that may create databases).");
            database = "openisms_bench_" + Guid.NewGuid().ToString("N")[..12];
            environment["Database__Provider"] = "PostgreSql";
            environment["ConnectionStrings__OpenIsms"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }

        // The SMTP server the outbox sends to (eng/maildev.sh's ports unless told otherwise), and its API for a second count.
        var smtp = (Environment.GetEnvironmentVariable("OPENISMS_BENCH_SMTP") ?? "127.0.0.1:55025").Split(':');
        var mailApi = Environment.GetEnvironmentVariable("OPENISMS_BENCH_MAILDEV") ?? "http://127.0.0.1:55080";
        var appEnvironment = new Dictionary<string, string>(environment)
        {
            ["Mail__Smtp__Host"] = smtp[0], ["Mail__Smtp__Port"] = smtp[1], ["Mail__Smtp__Security"] = "None",
            ["Mail__From"] = "isms@bench.example", ["Mail__PollSeconds"] = "1",
        };

        var db = Path.Combine(folder, "openisms.db");
        DbConnection Open() => postgres
            ? new NpgsqlConnection(environment["ConnectionStrings__OpenIsms"])
            : new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        try
        {
            Console.WriteLine($"OpenIsms documents benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {(postgres ? "PostgreSQL" : "SQLite")} · {size}");
            var generated = Path.Combine(folder, "generated.db");
            if (!postgres && File.Exists(generated))
            {
                // The run starts a campaign and sends its mail: start every run from the database as generated.
                File.Copy(generated, db, overwrite: true);
                File.Delete(db + "-wal");
                File.Delete(db + "-shm");
            }
            else
            {
                var generate = Stopwatch.StartNew();
                await Session.CreateAdmin(environment);
                await new DocumentGenerator(environment).Run(size);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data generated in {generate.Elapsed.TotalSeconds:F0} s{(postgres ? "" : $"; database {new FileInfo(db).Length / 1048576.0:F0} MiB")}"));
                if (!postgres)
                {
                    SqliteConnection.ClearAllPools();
                    File.Copy(db, generated, overwrite: true);
                }
            }

            var policy = await Single(Open, $"SELECT \"Id\", \"CurrentVersionId\" FROM \"Documents\" WHERE \"Reference\" = '{DocumentGenerator.PolicyReference}'");
            // The campaign with the most people still to acknowledge (any of the 50 has 1,000 people).
            var campaign = (await Single(Open, "SELECT \"CampaignId\", COUNT(*) FROM \"Acknowledgement\" WHERE \"State\" = 'Pending' GROUP BY \"CampaignId\" ORDER BY 2 DESC LIMIT 1"))[0];

            var (app, ready) = await AppProcess.Start(appEnvironment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready on this database: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
                http.DefaultRequestHeaders.Add("Cookie", cookie);

                string[] pages =
                [
                    "/documents",
                    "/documents?overdue=true&q=backup",
                    "/documents?status=Approved&kind=Procedure&page=3",
                    $"/documents/campaigns/{campaign}",
                    $"/documents/campaigns/{campaign}?show=Pending",
                    $"/documents/campaigns/{campaign}?show=Pending&page=20",
                ];
                foreach (var page in pages)
                {
                    var html = await http.GetStringAsync(page);
                    var shown = Regex.Match(html, @"Showing [\d,]+–[\d,]+ of [\d,]+|No results").Value;
                    Console.WriteLine($"  {page}: {html.Length / 1024} KiB, {shown}");
                    await Load.Run(app.BaseUrl, page, cookie, 200, 4); // warm-up
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));
                foreach (var page in pages)
                {
                    Console.WriteLine(await Load.Run(app.BaseUrl, page, cookie, 2_000, 4));
                }

                Console.WriteLine(await Load.Run(app.BaseUrl, "/documents", cookie, 1_000, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, $"/documents/campaigns/{campaign}", cookie, 1_000, 1));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 10_000, 4));

                var export = $"/documents/{policy[0]}/versions/{policy[1]}/export";
                foreach (var format in (string[])["docx", "pdf", "docx", "pdf", "docx", "pdf"])
                {
                    await Export(http, app, $"{export}.{format}");
                }

                await ChromiumFloor();

                // A first campaign (one department, 100 people) after the start, so the 1,000-person one is also measured warm.
                var other = (await Single(Open, $"SELECT \"Id\" FROM \"Documents\" WHERE \"Id\" NOT IN (SELECT \"DocumentId\" FROM \"AckCampaign\") AND \"Reference\" <> '{DocumentGenerator.PolicyReference}' ORDER BY \"Reference\" LIMIT 1"))[0];
                await Campaign(http, app, Open, mailApi, other, DocumentGenerator.Departments[0]);
                await Campaign(http, app, Open, mailApi, policy[0], null);
                var (rss, peak) = app.Memory();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory: {rss:F0} MiB resident now, {peak:F0} MiB peak"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (kept is null)
            {
                Directory.Delete(folder, recursive: true);
            }

            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>Downloads an export, timing it to the last byte.</summary>
    private static async Task Export(HttpClient http, AppProcess app, string path)
    {
        var before = app.Memory();
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        var after = app.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path[^11..],-12} {(int)response.StatusCode} in {elapsed.TotalMilliseconds:F0} ms, {body.Length / 1024.0:F0} KiB ({Contents(path, body)}); server resident {before.RssMiB:F0} → {after.RssMiB:F0} MiB, peak {before.PeakMiB:F0} → {after.PeakMiB:F0} MiB"));
    }

    /// <summary>
    /// Asks everyone (1,000 people) to acknowledge the long policy through the real form, timing the POST (StartCampaign
    /// queues a mail per person in the same save); then watches the outbox until no mail is queued, to the SMTP server.
    /// </summary>
    private static async Task Campaign(HttpClient http, AppProcess app, Func<DbConnection> open, string mailApi, string documentId, string? department)
    {
        var form = await http.GetStringAsync($"/documents/{documentId}/campaigns/new");
        var fields = RiskBench.Hidden(Regex.Match(form, "<main[\\s\\S]*</main>").Value);
        fields.Add(department is null ? new("Input.Everyone", "true") : new("Input.Departments", department));
        fields.Add(new("Input.DueDate", DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        fields.Add(new("Input.Message", "Benchmark: please read the complete edition."));
        var before = await Count(open, "SELECT COUNT(*) FROM \"OutboxMails\" WHERE \"Status\" = 'Sent'");
        var delivered = await MaildevCount(mailApi);
        var clock = Stopwatch.StartNew();
        var response = await http.PostAsync($"/documents/{documentId}/campaigns/new", new FormUrlEncodedContent(fields));
        var started = clock.Elapsed;
        var location = response.Headers.Location?.ToString() ?? "";
        var queued = await Count(open, "SELECT COUNT(*) FROM \"OutboxMails\" WHERE \"Status\" = 'Queued'") + await Count(open, "SELECT COUNT(*) FROM \"OutboxMails\" WHERE \"Status\" = 'Sent'") - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"start a campaign for {department ?? "everyone"}: {(int)response.StatusCode} → {location} in {started.TotalMilliseconds:F0} ms; {queued} mails queued"));
        if (!location.Contains("/documents/campaigns/", StringComparison.Ordinal))
        {
            Console.WriteLine("  the campaign did not start: " + Regex.Match(await response.Content.ReadAsStringAsync(), "<div class=\"form-errors[\\s\\S]*?</div>").Value);
            return;
        }

        TimeSpan? first = null;
        long waiting;
        do
        {
            await Task.Delay(50);
            waiting = await Count(open, "SELECT COUNT(*) FROM \"OutboxMails\" WHERE \"Status\" = 'Queued'");
            if (first is null && waiting < queued)
            {
                first = clock.Elapsed;
            }
        }
        while (waiting > 0 && clock.Elapsed < TimeSpan.FromMinutes(10));

        var done = clock.Elapsed;
        var sent = await Count(open, "SELECT COUNT(*) FROM \"OutboxMails\" WHERE \"Status\" = 'Sent'") - before;
        var failed = await Count(open, "SELECT COUNT(*) FROM \"OutboxMails\" WHERE \"Status\" = 'Failed'");
        var smtp = await MaildevCount(mailApi) - delivered;
        var sending = done - (first ?? done);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox empty {done.TotalSeconds:F1} s after the start: {sent} sent, {failed} failed, {waiting} still queued; the SMTP server counted {smtp} new mails"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"send rate: {sent / (done - started).TotalSeconds:F0} mails/s from the campaign's save to the last mail ({(done - started).TotalSeconds:F1} s); {sent / Math.Max(0.001, sending.TotalSeconds):F0} mails/s from the first mail out ({sending.TotalSeconds:F1} s)"));
        var (rss, peak) = app.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory after the mail: {rss:F0} MiB resident, {peak:F0} MiB peak"));
    }

    /// <summary>What came back: the words in a DOCX's body, the pages of a PDF — so a fast export is also a complete one.</summary>
    private static string Contents(string path, byte[] body)
    {
        try
        {
            if (path.EndsWith(".docx", StringComparison.Ordinal))
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(body));
                using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
                var text = Regex.Replace(reader.ReadToEnd(), "<[^>]+>", " ");
                return $"{text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length:N0} words";
            }

            return $"{Regex.Matches(System.Text.Encoding.Latin1.GetString(body), @"/Type\s*/Page[^s]").Count} pages";
        }
        catch (Exception ex) when (ex is InvalidDataException or NullReferenceException)
        {
            return "not readable";
        }
    }

    /// <summary>The app's own PDF printer (same Chromium, same flags) on a one-line page, in this process: what any PDF costs.</summary>
    private static async Task ChromiumFloor()
    {
        var printer = new OpenIsms.Web.Infrastructure.Exports.PdfPrinter(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OpenIsms.Web.Infrastructure.Exports.PdfPrinter>.Instance);
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var pdf = await printer.Print("<!doctype html><html><body><p>One line.</p></body></html>", CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Chromium printing a one-line page (the floor of any PDF): {string.Join(", ", times.Select(t => $"{t:F0}"))} ms"));
    }

    /// <summary>How many mails the maildev server holds (its REST API), or -1 when there is none.</summary>
    private static async Task<long> MaildevCount(string api)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var json = JsonDocument.Parse(await client.GetStringAsync(api + "/api/email"));
            return json.RootElement.GetArrayLength();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return -1;
        }
    }

    private static async Task<long> Count(Func<DbConnection> open, string sql) => Convert.ToInt64((await Single(open, sql))[0], CultureInfo.InvariantCulture);

    private static async Task<string[]> Single(Func<DbConnection> open, string sql)
    {
        await using var connection = open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("No row: " + sql);
        }

        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray();
    }
}
