using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Issue 14's audit path in Chromium: the programme lists a control → planning an audit of it with its owner as auditor is
/// refused → the audit of clause 9.1 is conducted with one minor nonconformity → the report is signed off and its DOCX and
/// PDF clicked → the nonconformity is taken through root cause, action and effectiveness check to closed → the programme
/// shows the clause audited.
/// </summary>
public sealed class AuditJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Olga = new("Oakfield Bank", "Olga Admin", "olga@oakfield.example", "olga-password-2026");

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task PlanAnAudit_TheOwnerIsRefused_ConductIt_ReportIt_AndCloseItsNonconformity()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await (await SetupPage.Open(page)).CreateAdministrator(Olga);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Every Annex A control applicable; a backup control Olga owns implements A.8.13.
        await page.GotoAsync("/soa");
        await new SoaPage(page).DecideEveryUndecided("BestPractice");
        await page.GotoAsync("/controls/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Quarterly restore drills");
        await page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Olga Admin" });
        await page.GetByLabel("Implements (Annex A)").SelectOptionAsync(new SelectOptionValue { Label = "A.8.13 Information backup" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add control" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/controls/[0-9a-f-]+\\?done=added"));

        // The programme: A.8.13 never audited and not planned.
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Audit programme", Exact = true }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("A.8.13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("table")).ToContainTextAsync("Not planned", Shown);
        await BrowserApp.Look(page, "87-audit-programme");

        // Planning the audit with Olga as lead auditor of her own control is refused, naming it; without the control it is planned.
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan an audit" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Internal audit 2026/1");
        await page.GetByLabel("Starts on").FillAsync(D(today));
        await page.GetByLabel("Ends on").FillAsync(D(today.AddDays(1)));
        await page.GetByLabel("Lead auditor").SelectOptionAsync(new SelectOptionValue { Label = "Olga Admin" });
        await page.GetByLabel("Competence relied on").FillAsync("ISO/IEC 27001 lead auditor certificate, 2025");
        await page.GetByLabel("9.1 Monitoring, measurement, analysis and evaluation").CheckAsync();
        await page.GetByLabel("A.8.13 Information backup").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the audit" }).ClickAsync();
        await Expect(page.Locator("#audit-form .error-message")).ToContainTextAsync("Olga Admin owns a control that implements A.8.13", Shown);
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Internal audit 2026/1");
        await BrowserApp.Look(page, "88-audit-impartiality");
        await page.GetByLabel("A.8.13 Information backup").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the audit" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/audits/[0-9a-f-]+\\?done=added$"));
        var auditPath = new Uri(page.Url).AbsolutePath;

        // Conducting it: started, then the clause found with a minor nonconformity that Olga answers for.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the audit" }).ClickAsync();
        await Expect(page.Locator("#audit-state")).ToContainTextAsync("In progress", Shown);
        await page.Locator("#checklist").GetByRole(AriaRole.Link, new() { Name = "9.1 Monitoring, measurement, analysis and evaluation" }).ClickAsync();
        await page.GetByLabel("What was sampled").FillAsync("Metric values, Jan–Nov");
        await page.GetByLabel("Evidence examined").FillAsync("Metrics register; two quarterly reports");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Minor nonconformity" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).ClickAsync();
        await Expect(page.Locator("#result-form .error-message").First).ToContainTextAsync("Describe the nonconformity", Shown);
        await page.GetByLabel("Notes").FillAsync("Two of five metrics had no value for the last quarter; nobody analysed the trend.");
        await page.GetByLabel("Who answers for a nonconformity (if one is found)").SelectOptionAsync(new SelectOptionValue { Label = "Olga Admin" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the result" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=result-recorded"));

        // The report is signed off; both its files, clicked, carry the conclusion or are a PDF.
        await page.GetByLabel("Conclusion").FillAsync("The ISMS conforms in the audited scope except for one minor nonconformity on monitoring.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the report" }).ClickAsync();
        await Expect(page.Locator("#audit-state")).ToContainTextAsync("Reported", Shown);
        await page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = "Findings" }).ClickAsync();
        await Expect(page.Locator("#checklist table")).ToContainTextAsync("NC-001", Shown);
        await BrowserApp.Look(page, "89-audit-reported");
        (await Downloads.ClickEvery(page, [(auditPath, "except for one minor nonconformity on monitoring")])).ShouldBe(2);

        // The nonconformity, from the finding: correction, cause, action, plan, done, implemented, checked effective.
        await page.GotoAsync(auditPath + "?show=Findings");
        await page.Locator("#checklist").GetByRole(AriaRole.Link, new() { Name = "NC-001" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Internal audit 2026/1", Shown);
        await page.GetByLabel("What was done at once").FillAsync("Values for the quarter recorded from the source systems.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the correction" }).ClickAsync();
        await Expect(page.Locator("#state")).ToContainTextAsync("Corrected", Shown);
        await page.GetByLabel("Why did it happen?").FillAsync("Nobody was reminded to record them.");
        await page.GetByLabel("Why? (2)").FillAsync("The metrics had no one named to measure them.");
        await page.GetByLabel("Root cause").FillAsync("Metrics without a named person who measures them.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the root cause" }).ClickAsync();
        await Expect(page.Locator("#state")).ToContainTextAsync("Cause found", Shown);
        await page.GetByLabel("What will be done").FillAsync("Name who measures each metric");
        await page.Locator("#action-form").GetByLabel("Who does it").SelectOptionAsync(new SelectOptionValue { Label = "Olga Admin" });
        await page.Locator("#action-form").GetByLabel("Due on").FillAsync(D(today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync("Name who measures each metric", Shown);
        await page.GetByLabel("Check effectiveness on").FillAsync(D(today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the plan" }).ClickAsync();
        await Expect(page.Locator("#state")).ToContainTextAsync("Actions planned", Shown);
        await page.Locator("#actions").GetByPlaceholder("What was done, or why cancelled").FillAsync("Each metric now names who measures it.");
        await page.Locator("#actions").GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync("Each metric now names who measures it.", Shown);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the actions implemented" }).ClickAsync();
        await page.GetByLabel("What the check found").FillAsync("Every metric has this quarter's value.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Effective — close it" }).ClickAsync();
        await Expect(page.Locator("#state")).ToContainTextAsync("Closed", Shown);

        // Readiness: an audit is reported now; no management review has concluded yet.
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Certification readiness", Exact = true }).ClickAsync();
        await Expect(page.Locator("#rule-audit-reported")).ToContainTextAsync("Done", Shown);
        await Expect(page.Locator("#rule-review-concluded")).ToContainTextAsync("Missing", Shown);
        var before = await page.Locator("#readiness-score .score strong").InnerTextAsync();

        // The management review: its live pack shows that audit and that nonconformity; frozen; minutes with all three conclusions.
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Management reviews", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a review" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Management review 2026");
        await page.GetByLabel("Meeting on").FillAsync(D(today));
        await page.GetByLabel("Chair").SelectOptionAsync(new SelectOptionValue { Label = "Olga Admin" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule it" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reviews/[0-9a-f-]+\\?done=added$"));
        var reviewPath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("#input-d\\.3")).ToContainTextAsync("IA-001 Internal audit 2026/1", Shown);
        await Expect(page.Locator("#input-d\\.1")).ToContainTextAsync("NC-001", Shown);
        await page.GetByRole(AriaRole.Button, new() { Name = "Freeze the pack and start the meeting" }).ClickAsync();
        await Expect(page.Locator("#pack-state")).ToContainTextAsync("Intact", Shown);
        foreach (var input in new[] { "a", "b", "c", "d.1", "d.2", "d.3", "d.4", "e", "f", "g" })
        {
            await page.GetByLabel($"Minutes on {input}", new() { Exact = true }).FillAsync($"Input {input} discussed; nothing further.");
        }

        await page.GetByLabel("Attendees").FillAsync("Olga Admin (chair), Finance director");
        await page.GetByLabel("Is the ISMS still suitable?").FillAsync("Suitable for the current scope.");
        await page.GetByLabel("Is it adequate?").FillAsync("Adequate.");
        await BrowserApp.Look(page, "90-review-minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Conclude the review" }).ClickAsync();
        await Expect(page.Locator("#minutes-form .error-message").First).ToContainTextAsync("Conclude on its effectiveness", Shown);
        await page.GetByLabel("Is it effective?").FillAsync("Effective; monitoring to be tightened after NC-001.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Conclude the review" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=review-concluded"));
        await Expect(page.Locator("#conclusions")).ToContainTextAsync("monitoring to be tightened", Shown);
        (await Downloads.ClickEvery(page, [(reviewPath, "monitoring to be tightened after NC-001")])).ShouldBe(2);

        // Readiness moved: the review rule passes and the score rose.
        await page.GotoAsync("/readiness");
        await Expect(page.Locator("#rule-review-concluded")).ToContainTextAsync("Done", Shown);
        (await page.Locator("#readiness-score .score strong").InnerTextAsync()).ShouldNotBe(before);
        await BrowserApp.Look(page, "91-readiness");

        // The Stage 1 pack: started from the readiness page, built in the background with its progress shown, downloaded
        // with a click; its manifest lists the audit report and the review minutes, and every file matches its SHA-256.
        await page.Locator("#stage-pack-link").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Build the Stage 1 pack" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=stage-pack-started"));
        await Expect(page.Locator("#stage-pack-progress")).ToContainTextAsync("The pack is ready", new() { UseInnerText = true, Timeout = 120_000 });
        await BrowserApp.Look(page, "92-stage-pack");
        var pack = await page.RunAndWaitForDownloadAsync(() => page.Locator("#stage-pack-progress a[data-download=zip]").ClickAsync());
        (await pack.FailureAsync()).ShouldBeNull();
        var packFile = Path.Combine(Path.GetTempPath(), $"stage1-{Guid.NewGuid():N}.zip");
        await pack.SaveAsAsync(packFile);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(packFile))
        {
            using var manifestStream = zip.GetEntry("manifest.json")!.Open();
            var manifest = System.Text.Json.JsonDocument.Parse(manifestStream).RootElement;
            var files = manifest.GetProperty("files").EnumerateArray().ToList();
            var paths = files.Select(f => f.GetProperty("path").GetString()!).ToList();
            paths.ShouldContain(p => p.StartsWith("audits/", StringComparison.Ordinal) && p.EndsWith("-report.pdf", StringComparison.Ordinal));
            paths.ShouldContain(p => p.StartsWith("reviews/", StringComparison.Ordinal) && p.EndsWith("-minutes.docx", StringComparison.Ordinal));
            paths.ShouldContain(p => p.StartsWith("registers/nonconformities-", StringComparison.Ordinal));
            foreach (var f in files)
            {
                using var entry = zip.GetEntry(f.GetProperty("path").GetString()!)!.Open();
                Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(entry)).ShouldBe(f.GetProperty("sha256").GetString());
            }

            manifest.GetProperty("activityLog").GetProperty("signature").GetString()!.Length.ShouldBeGreaterThan(60);
        }

        File.Delete(packFile);

        // The programme shows 9.1 audited today.
        await page.GotoAsync("/audits/programme?q=9.1&kind=Clause");
        await Expect(page.Locator("table")).ToContainTextAsync(today.ToString("d MMM yyyy", CultureInfo.InvariantCulture), Shown);
        errors.ShouldBeEmpty();
    }
}
