using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests;

/// <summary>Issue 3's main path in Chromium: methodology → asset → risk → assessment → treatment with an action → the owner's acceptance → the heat map.</summary>
public sealed class RiskJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AssetRiskAssessTreatAccept_ShowsInTheRightCell()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add($"{page.Url}: {m.Text}");
            }
        };

        // A new installation and its first administrator, who is also the risk owner here.
        await page.GotoAsync("/setup");
        await page.GetByLabel("Organisation name").FillAsync("Contoso Logistics");
        await page.GetByLabel("Your name").FillAsync("Rita Owner");
        await page.GetByLabel("Your email address").FillAsync("rita@contoso.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("rita-password-2026");
        await page.GetByLabel("Confirm password").FillAsync("rita-password-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("welcome=1"));

        // A small organisation: one person may both collect and review evidence; times shown in Berlin.
        await page.GetByRole(AriaRole.Link, new() { Name = "Organisation", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/settings/organisation$"));
        await page.Locator("#f-TimeZone").SelectOptionAsync("Europe/Berlin");
        await page.GetByLabel("One person may both collect and review evidence", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/settings/organisation\\?done=saved"));
        await BrowserApp.Look(page, "10-organisation");

        // Approve the default 5 × 5 methodology.
        await page.GetByRole(AriaRole.Link, new() { Name = "Risk methodology" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/risks/methodology$"));
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve version 1" }).ClickAsync();
        await page.Locator(".approval").WaitForAsync();
        await BrowserApp.Look(page, "11-methodology");

        // An asset.
        await page.GetByRole(AriaRole.Link, new() { Name = "Assets" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an asset" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("File server FS-01");
        await page.Locator("#f-Type").SelectOptionAsync("Hardware");
        await page.Locator("#f-OwnerId").SelectOptionAsync(new SelectOptionValue { Label = "Rita Owner" });
        await page.Locator("#f-Availability").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/assets/[0-9a-f-]+\\?done=added"));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("AST-001 · File server FS-01");
        await BrowserApp.Look(page, "12-asset");

        // A risk on that asset.
        await page.GotoAsync("/risks/new");
        await page.GetByLabel("Title").FillAsync("Ransomware encrypts the file server");
        await page.Locator("#f-OwnerId").SelectOptionAsync(new SelectOptionValue { Label = "Rita Owner" });
        await page.Locator("#f-AssetIds").SelectOptionAsync(new SelectOptionValue { Label = "AST-001 · File server FS-01" });
        await page.Locator("#f-ControlIds").SelectOptionAsync(new[] { new SelectOptionValue { Label = "A.8.13 Information backup" } });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record risk" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/risks/[0-9a-f-]+\\?done=added"));

        // Assess: inherent likelihood 4 × impact 5 (Critical), residual 2 × 3 (Medium).
        await page.Locator("#f-InherentLikelihood").SelectOptionAsync("4");
        foreach (var select in await page.Locator("select[name='Input.InherentImpacts']").AllAsync())
        {
            await select.SelectOptionAsync("3");
        }

        await page.Locator("select[name='Input.InherentImpacts']").Nth(1).SelectOptionAsync("5");
        await page.Locator("#f-ResidualLikelihood").SelectOptionAsync("2");
        foreach (var select in await page.Locator("select[name='Input.ResidualImpacts']").AllAsync())
        {
            await select.SelectOptionAsync("3");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=assessed"));
        (await page.Locator("#rating").InnerTextAsync()).ShouldContain("Critical");

        // Treatment with a rationale, then an action.
        await page.Locator("#treatment summary").ClickIfClosed();
        await page.Locator("#treatment input[value='Mitigate']").CheckAsync();
        await page.GetByLabel("Rationale").FillAsync("Backups and segmentation cost less than a week of downtime.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save treatment" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=saved"));
        await page.Locator("#actions summary").ClickAsync();
        await page.GetByLabel("Action").FillAsync("Offline backup with a quarterly restore test");
        await page.Locator("#actions #f-OwnerId").SelectOptionAsync(new SelectOptionValue { Label = "Rita Owner" });
        await page.Locator("#f-Due").FillAsync("2027-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=added"));
        (await page.Locator("#actions").InnerTextAsync()).ShouldContain("Offline backup with a quarterly restore test");

        // The owner accepts the plan and the Medium residual risk.
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the plan and the residual risk" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=accepted"));
        (await page.Locator("#acceptance").InnerTextAsync()).ShouldContain("In force until");
        await BrowserApp.Look(page, "13-risk");

        // The heat map counts it in inherent (4, 5) and residual (2, 3); the cell lists it.
        await page.GotoAsync("/risks/heatmap");
        await BrowserApp.Look(page, "14-heatmap");
        (await page.Locator("a[href^='/risks?kind=inherent&l=4&i=5'] text.count").TextContentAsync()).ShouldBe("1");
        await page.Locator("a[href^='/risks?kind=residual&l=2&i=3']").ClickAsync();
        await page.WaitForURLAsync(new Regex("kind=residual&l=2&i=3"));
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("tbody").InnerTextAsync()).ShouldContain("Ransomware encrypts the file server");
        await BrowserApp.Look(page, "15-register");

        // Bring a register in from a spreadsheet: upload, see the mapping, check, import.
        await page.GotoAsync("/risks/import");
        var csv = "ID,Risk Title,Owner,Likelihood (1-5),Max Impact,Treatment Decision\nIMP-1,Laptop stolen on a train,Rita Owner,3,2,Accept\n";
        await page.Locator("#f-File").SetInputFilesAsync(new FilePayload { Name = "register.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and map the columns" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/risks/import/[0-9a-f-]+$"));
        (await page.Locator("#map-Title option:checked").InnerTextAsync()).ShouldBe("Risk Title");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check every row (nothing is saved)" }).ClickAsync();
        await page.Locator("#report").WaitForAsync();
        (await page.Locator("#report").InnerTextAsync()).ShouldContain("A treatment needs a rationale");
        await page.GetByLabel("Rationale for treatments that have none").FillAsync("Cheaper to replace than to protect.");
        await BrowserApp.Look(page, "16-import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/risks\\?done=imported"));
        (await page.Locator("tbody").InnerTextAsync()).ShouldContain("Laptop stolen on a train");

        // The Statement of Applicability: an exclusion without a justification is refused beside the field.
        await page.GotoAsync("/soa/A.8.28");
        await page.GetByLabel("Not applicable").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await page.Locator("#f-ExclusionJustification").Locator("xpath=..").Locator(".error-message").WaitForAsync();
        await page.GetByLabel("Justification for exclusion").FillAsync("We develop no software.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/soa\\?done=saved"));

        // One row decided in place (htmx): the error appears in the row, then the saved row replaces the editor, and the
        // counts above the table follow.
        var undecided = int.Parse(await page.Locator("#soa-summary span").Nth(2).Locator("strong").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("tr#A\\.5\\.7 a", new() { HasText = "Decide" }).ClickAsync();
        var editor = page.Locator("tr#A\\.5\\.7.editing");
        await editor.GetByLabel("Not applicable").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save A.5.7" }).ClickAsync();
        await page.Locator("tr#A\\.5\\.7.editing .error-message").WaitForAsync();
        (await page.Locator("tr#A\\.5\\.7.editing .error-message").InnerTextAsync()).ShouldContain("Say why this control is not applicable");
        await editor.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "17a-soa-row-error.png") });
        await page.Locator("tr#A\\.5\\.7.editing").GetByLabel("Justification for exclusion").FillAsync("No threat intelligence feed is subscribed to yet.");
        await page.Locator("tr#A\\.5\\.7.editing").GetByRole(AriaRole.Button, new() { Name = "Save A.5.7" }).ClickAsync();
        await page.Locator("tr#A\\.5\\.7 .saved-text").WaitForAsync();
        (await page.Locator("tr#A\\.5\\.7").InnerTextAsync()).ShouldContain("No threat intelligence feed");
        (await page.Locator("#soa-summary span").Nth(2).Locator("strong").InnerTextAsync()).ShouldBe((undecided - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Url.ShouldEndWith("/soa?done=saved");

        // Every other row at once, then approve: version 1.
        await page.Locator("#bulk-decision").SelectOptionAsync("BestPractice");
        await page.GetByLabel("Every row not decided yet (instead of the ticked ones)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/soa\\?done=saved"));
        await BrowserApp.Look(page, "17-soa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the SoA" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/soa/versions/1"));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("version 1");

        // Change one row: the comparison with version 1 shows exactly that change.
        await page.GotoAsync("/soa/A.8.28");
        await page.GetByLabel("Justification for exclusion").FillAsync("We develop no software; the supplier configures our SaaS.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/soa\\?done=saved"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Changes since version 1" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/soa/compare\\?from=1"));
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("tbody tr").InnerTextAsync()).ShouldContain("A.8.28");
        await BrowserApp.Look(page, "18-soa-diff");

        // The activity log in words: the risk named, its owner by name, its status as a word, times in Berlin.
        await page.GotoAsync("/activity?type=Risk");
        var log = await page.Locator("main").InnerTextAsync();
        log.ShouldContain("R-001 Ransomware encrypts the file server");
        log.ShouldContain("Rita Owner");
        log.ShouldNotContain("OwnerId");
        log.ShouldContain("Europe/Berlin");
        await BrowserApp.Look(page, "18a-activity");
        await page.GetByRole(AriaRole.Link, new() { Name = "R-001 Ransomware encrypts the file server" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/history/Risk/"));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("History of R-001 Ransomware encrypts the file server");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("In treatment");
        await BrowserApp.Look(page, "18b-history");

        // A control that runs quarterly, owned by Rita; its next run is on her work.
        await page.GotoAsync("/controls/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Quarterly access review");
        await page.Locator("#f-OwnerId").SelectOptionAsync(new SelectOptionValue { Label = "Rita Owner" });
        await page.Locator("#f-Frequency").SelectOptionAsync("Quarterly");
        await page.Locator("#f-Status").SelectOptionAsync("Operating");
        await page.Locator("#f-NextDue").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add control" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/controls/[0-9a-f-]+\\?done=added"));
        var control = new Uri(page.Url).AbsolutePath;
        (await page.Locator("#evidence-summary").InnerTextAsync()).ShouldContain("No evidence");

        // Upload evidence: a file whose content is not what its name says is refused beside the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add evidence" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Access review Q4 — signed off");
        await page.Locator("#f-File").SetInputFilesAsync(new FilePayload { Name = "review.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await page.Locator("#f-File").Locator("xpath=..").Locator(".error-message").WaitForAsync();
        (await page.Locator("#f-File").Locator("xpath=..").InnerTextAsync()).ShouldContain("not a PDF file");
        (await page.Locator("#f-File").Locator("xpath=..").InnerTextAsync()).ShouldContain("Choose the file again");
        await BrowserApp.Look(page, "19a-evidence-refused");
        await page.Locator("#f-File").SetInputFilesAsync(new FilePayload { Name = "review.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% access review\n%%EOF\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/evidence/[0-9a-f-]+\\?done=added"));
        var evidence = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept evidence" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/evidence/[0-9a-f-]+\\?done=saved"));
        (await page.Locator("#review").InnerTextAsync()).ShouldContain("Accepted by Rita Owner");
        await BrowserApp.Look(page, "19-evidence");

        // On the control: the evidence is current, and the run is listed; My work shows the run due.
        await page.GotoAsync(control);
        (await page.Locator("#evidence-summary").InnerTextAsync()).ShouldContain("Current evidence, valid until");
        (await page.Locator("#control-evidence .timeline").InnerTextAsync()).ShouldContain("Access review Q4");
        (await page.Locator("#control-tasks").InnerTextAsync()).ShouldContain("Next run due");
        await BrowserApp.Look(page, "20-control");
        await page.GotoAsync("/");
        (await page.Locator("#control-work").InnerTextAsync()).ShouldContain("Quarterly access review");
        await BrowserApp.Look(page, "21-my-work");

        // The evidence register lists it; the integrity check finds the stored file unchanged.
        await page.GetByRole(AriaRole.Link, new() { Name = "Evidence", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/evidence$"));
        (await page.Locator("tbody").InnerTextAsync()).ShouldContain("Access review Q4");
        await BrowserApp.Look(page, "22-evidence-register");
        await page.GetByRole(AriaRole.Link, new() { Name = "Evidence integrity" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check every stored file" }).ClickAsync();
        await page.Locator("#integrity-report").WaitForAsync();
        (await page.Locator("#integrity-report").InnerTextAsync()).ShouldContain("The one stored file (1 evidence item) matches the hash");
        await BrowserApp.Look(page, "23-evidence-integrity");

        // Every file link in the app, clicked as a person clicks it: a file of the right type arrives, the page stays.
        var downloads = await Downloads.ClickEvery(page,
        [
            ("/risks", "Ransomware encrypts the file server"),
            ("/risks/treatment-plan", "Offline backup with a quarterly restore test"),
            ("/soa", "We develop no software"),
            ("/soa/versions/1", "We develop no software."),
            (evidence, "access review"),
        ]);
        downloads.ShouldBe(Downloads.LinksInTheApp);

        // Every other page reachable from here, looked at the same way.
        var pages = await Crawl.EveryPage(page);
        pages.Count.ShouldBeGreaterThan(40);

        errors.ShouldBeEmpty();
    }
}

internal static class LocatorExtensions
{
    /// <summary>Opens a details element's summary unless it is already open.</summary>
    public static async Task ClickIfClosed(this ILocator summary)
    {
        if (await summary.Locator("xpath=..").GetAttributeAsync("open") is null)
        {
            await summary.ClickAsync();
        }
    }
}
