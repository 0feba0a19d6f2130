using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OpenIsms.Bench;

/// <summary>
/// Issue 3's figures at the large-organisation size: the risk register with a filter beside the /health/live floor,
/// creating and assessing a risk, the server's memory, and (when available) exporting the register.
/// </summary>
public static partial class RiskBench
{
    /// <param name="importsOnly">Only the exports and imports, each run on a fresh copy of the generated database.</param>
    public static async Task Run(Generator.Size size, bool importsOnly = false)
    {
        // OPENISMS_BENCH_FOLDER keeps the generated database between runs (generated once, reused after).
        var kept = Environment.GetEnvironmentVariable("OPENISMS_BENCH_FOLDER");
        var folder = kept ?? Path.Combine(Path.GetTempPath(), "openisms-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var generateData = !File.Exists(Path.Combine(folder, "openisms.db"));
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Data__Folder"] = folder };
        try
        {
            Console.WriteLine($"OpenIsms risk benchmark · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · SQLite · {size}");
            if (generateData)
            {
                await Session.CreateAdmin(environment);
                var generate = Stopwatch.StartNew();
                await new Generator(environment).Run(size);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data generated in {generate.Elapsed.TotalSeconds:F0} s; database {new FileInfo(Path.Combine(folder, "openisms.db")).Length / 1048576.0:F0} MiB"));
                File.Copy(Path.Combine(folder, "openisms.db"), Path.Combine(folder, "generated.db"), overwrite: true);
            }
            else if (importsOnly && File.Exists(Path.Combine(folder, "generated.db")))
            {
                // The imports create risks: start each imports-only run from the database as generated.
                File.Copy(Path.Combine(folder, "generated.db"), Path.Combine(folder, "openisms.db"), overwrite: true);
                File.Delete(Path.Combine(folder, "openisms.db-wal"));
                File.Delete(Path.Combine(folder, "openisms.db-shm"));
            }

            var (app, ready) = await AppProcess.Start(environment);
            await using (app)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to ready on this database: {ready.TotalSeconds:F2} s"));
                var cookie = await Session.SignIn(app.BaseUrl);
                using var http = Client(app.BaseUrl, cookie);
                var register = await http.GetStringAsync("/risks");
                var owner = OwnerOption().Matches(register).Select(m => m.Groups[1].Value).Skip(3).First();
                var firstRisk = RiskLink().Match(register).Groups[1].Value;
                var filtered = $"/risks?owner={owner}&treatment=Mitigate";

                if (importsOnly)
                {
                    await Imports(http, app);
                    return;
                }

                await Load.Run(app.BaseUrl, filtered, cookie, 500, 4); // warm-up
                Console.WriteLine(await Load.Run(app.BaseUrl, "/health/live", cookie, 20_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, filtered, cookie, 5_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/risks?q=ransomware&status=InTreatment&sort=Residual&desc=true", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/risks?q=ransomware", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/risks?q=invoice%20redirect", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/risks", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, $"/risks/{firstRisk}", cookie, 2_000, 4));
                Console.WriteLine(await Load.Run(app.BaseUrl, "/risks/treatment-plan?overdue=true", cookie, 2_000, 4));

                Console.WriteLine(await CreateRisks(http, owner, 300));
                Console.WriteLine(await AssessRisks(http, register, 200));
                var (rss, peak) = app.Memory();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory: {rss:F0} MiB resident now, {peak:F0} MiB peak"));
                await Imports(http, app);
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

    /// <summary>The register's exports, then two imports: the XLSX back over itself, and the CSV under new identifiers.</summary>
    private static async Task Imports(HttpClient http, AppProcess app)
    {
        var xlsx = await Export(http, app, "/risks/export.xlsx");
        var csv = await Export(http, app, "/risks/export.csv");
        await Export(http, app, "/risks/treatment-plan.xlsx");
        await Export(http, app, "/risks/treatment-plan.docx");
        if (xlsx is not null)
        {
            await Import(http, app, xlsx, "risk-register.xlsx", "XLSX of the register back over itself (nothing changes, so nothing is written)");
        }

        if (csv is not null)
        {
            // The same register under new identifiers: every row is created, with its assessment, in one transaction.
            var renamed = System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(csv), "^R-", "NEW-", System.Text.RegularExpressions.RegexOptions.Multiline);
            await Import(http, app, System.Text.Encoding.UTF8.GetBytes(renamed), "new-risks.csv", "CSV of 10,0xx new risks (each created with its assessment)");
        }
    }

    private static HttpClient Client(string baseUrl, string cookie)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    /// <summary>Posts the "record a risk" form n times, one after another, timing each POST (the form is fetched once).</summary>
    private static async Task<string> CreateRisks(HttpClient http, string owner, int n)
    {
        var page = await http.GetStringAsync("/risks/new");
        var hidden = Hidden(Regex.Match(page, "<main[\\s\\S]*</main>").Value);
        var times = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var fields = new List<KeyValuePair<string, string>>(hidden)
            {
                new("Input.Title", $"Benchmark risk {i}"), new("Input.OwnerId", owner), new("Input.Description", "Created by the benchmark."),
            };
            var clock = Stopwatch.StartNew();
            var response = await http.PostAsync("/risks/new", new FormUrlEncodedContent(fields));
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.Found && response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Creating a risk answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}; posted {string.Join(", ", fields.Select(f => f.Key))}");
            }
        }

        return Summary("create a risk (POST /risks/new)", times);
    }

    /// <summary>Assesses n different risks: each risk page is fetched first (untimed), then the assessment POST is timed.</summary>
    private static async Task<string> AssessRisks(HttpClient http, string register, int n)
    {
        var ids = new List<string>();
        for (var page = 1; ids.Count < n; page++)
        {
            var html = page == 1 ? register : await http.GetStringAsync($"/risks?page={page}&size=100");
            ids.AddRange(RiskLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().Where(id => !ids.Contains(id)));
        }

        var times = new List<double>();
        foreach (var id in ids.Take(n))
        {
            var page = await http.GetStringAsync($"/risks/{id}");
            var form = AssessForm().Match(page).Value;
            var areas = Regex.Matches(form, "name=\"Input.InherentImpacts\"").Count;
            var fields = Hidden(form);
            fields.Add(new("Input.InherentLikelihood", "4"));
            fields.AddRange(Enumerable.Repeat(new KeyValuePair<string, string>("Input.InherentImpacts", "4"), areas));
            fields.Add(new("Input.ResidualLikelihood", "2"));
            fields.AddRange(Enumerable.Repeat(new KeyValuePair<string, string>("Input.ResidualImpacts", "2"), areas));
            var clock = Stopwatch.StartNew();
            var response = await http.PostAsync($"/risks/{id}", new FormUrlEncodedContent(fields));
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.Found && response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Assessing a risk answered {(int)response.StatusCode}.");
            }
        }

        return Summary("assess a risk (POST /risks/{id})", times);
    }

    /// <summary>Uploads the exported register and imports it back over itself ("update existing"): every row checked, then written in one transaction.</summary>
    private static async Task Import(HttpClient http, AppProcess app, byte[] xlsx, string fileName, string what)
    {
        var page = await http.GetStringAsync("/risks/import");
        using var upload = new MultipartFormDataContent();
        foreach (var (name, value) in Hidden(Regex.Match(page, "<main[\\s\\S]*</main>").Value))
        {
            upload.Add(new StringContent(value), name);
        }

        upload.Add(new ByteArrayContent(xlsx), "File", fileName);
        var clock = Stopwatch.StartNew();
        var uploaded = await http.PostAsync("/risks/import", upload);
        var mappingUrl = uploaded.Headers.Location?.ToString() ?? throw new InvalidOperationException($"Upload answered {(int)uploaded.StatusCode}.");
        var uploadTime = clock.Elapsed;
        var mapping = await http.GetStringAsync(mappingUrl);
        var form = Regex.Match(mapping, "<main[\\s\\S]*</main>").Value;
        var fields = Hidden(form);
        foreach (Match select in Regex.Matches(form, "<select id=\"map-[^\"]+\" name=\"Input.Columns\"[^>]*>([\\s\\S]*?)</select>"))
        {
            var selected = Regex.Match(select.Groups[1].Value, "<option value=\"(-?\\d+)\" selected");
            fields.Add(new("Input.Columns", selected.Success ? selected.Groups[1].Value : "-1"));
        }

        fields.Add(new("Input.UpdateExisting", "true"));
        fields.Add(new("Input.CreateMissingAssets", "true"));
        fields.Add(new("Input.RememberProfile", "false"));
        var before = app.Memory().PeakMiB;

        // The dry run alone (every row checked, nothing written), then the import: what the check costs, and the write.
        clock.Restart();
        var dry = await http.PostAsync(mappingUrl, new FormUrlEncodedContent([.. fields, new("Input.Action", "check")]));
        var checkTime = clock.Elapsed;
        var checkPeak = app.Memory().PeakMiB;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  dry run of the {what}: {checkTime.TotalSeconds:F2} s ({(int)dry.StatusCode}); server peak memory {before:F0} → {checkPeak:F0} MiB"));
        fields.Add(new("Input.Action", "import"));
        clock.Restart();
        var imported = await http.PostAsync(mappingUrl, new FormUrlEncodedContent(fields));
        var importTime = clock.Elapsed;
        var ok = imported.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect && imported.Headers.Location?.ToString().Contains("done=imported", StringComparison.Ordinal) == true;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {xlsx.Length / 1048576.0:F1} MiB {what}: upload and read {uploadTime.TotalSeconds:F2} s, check and write {importTime.TotalSeconds:F2} s{(ok ? "" : " — FAILED: " + (int)imported.StatusCode)}; server peak memory {before:F0} → {app.Memory().PeakMiB:F0} MiB"));
    }

    private static async Task<byte[]?> Export(HttpClient http, AppProcess app, string path)
    {
        var before = app.Memory().PeakMiB;
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"{path}: {(int)response.StatusCode} (not available)");
            return null;
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        var bytes = copy.Length;

        var (rss, peak) = app.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path,-40} {clock.Elapsed.TotalSeconds:F2} s, {bytes / 1048576.0:F1} MiB; server peak memory {before:F0} → {peak:F0} MiB (resident now {rss:F0} MiB)"));
        return copy.ToArray();
    }

    private static string Summary(string what, List<double> times)
    {
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{what,-40} n={times.Count}: p50 {P(0.50):F2} ms  p95 {P(0.95):F2} ms  p99 {P(0.99):F2} ms (sequential, client-side)");
    }

    /// <summary>The hidden fields of a form (antiforgery token, handler name, versions), as a browser would post them.</summary>
    internal static List<KeyValuePair<string, string>> Hidden(string html) =>
        HiddenField().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenField();

    [GeneratedRegex("""<option value="([0-9a-f-]{36})"[^>]*>""")]
    private static partial Regex OwnerOption();

    [GeneratedRegex("href=\"/risks/([0-9a-f-]{36})\"")]
    private static partial Regex RiskLink();

    [GeneratedRegex("""<form[^>]*class="assess-form"[\s\S]*?</form>""")]
    private static partial Regex AssessForm();
}
