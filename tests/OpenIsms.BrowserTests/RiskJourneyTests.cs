using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>Issue 3's main path in Chromium: methodology → asset → risk → assessment → treatment with an action → the owner's acceptance → the heat map.</summary>
public sealed class RiskJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Rita = "Rita Owner";
    private const string Risk = "Ransomware encrypts the file server";

    // Read as a person reads the page: hidden text does not count.
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

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
        var setup = await SetupPage.Open(page);
        var work = await setup.CreateAdministrator(new("Contoso Logistics", Rita, "rita@contoso.example", "rita-password-2026"));

        // A small organisation: one person may both collect and review evidence; times shown in Berlin.
        var organisation = await (await work.OpenOrganisationSettings()).SaveSmallOrganisation("Europe/Berlin");
        await organisation.Look("10-organisation");

        // Approve the default 5 × 5 methodology.
        var methodology = await (await organisation.OpenMethodology()).Approve(1);
        await methodology.Look("11-methodology");

        // An asset.
        var asset = await (await methodology.OpenAssets()).AddAsset("File server FS-01", "Hardware", Rita, availability: 4);
        await Expect(asset.Heading).ToContainTextAsync("AST-001 · File server FS-01", Shown);
        await asset.Look("12-asset");

        // A risk on that asset.
        var risk = await RiskPage.Record(page, Risk, Rita, "AST-001 · File server FS-01", "A.8.13 Information backup");

        // Assess: inherent likelihood 4 × impact 5 (Critical), residual 2 × 3 (Medium).
        risk = await risk.Assess(inherent: new(4, 3, 5, 3), residual: new(2, 3));
        await Expect(risk.Rating).ToContainTextAsync("Critical", Shown);

        // Treatment with a rationale, then an action.
        risk = await risk.Treat("Mitigate", "Backups and segmentation cost less than a week of downtime.");
        risk = await risk.AddAction("Offline backup with a quarterly restore test", Rita, new DateOnly(2027, 3, 31));
        await Expect(risk.Actions).ToContainTextAsync("Offline backup with a quarterly restore test", Shown);

        // The owner accepts the plan and the Medium residual risk.
        risk = await risk.AcceptPlanAndResidualRisk();
        await Expect(risk.Acceptance).ToContainTextAsync("In force until", Shown);
        await risk.Look("13-risk");

        // The heat map counts it in inherent (4, 5) and residual (2, 3); the cell lists it.
        var heatMap = await HeatMapPage.Open(page);
        await heatMap.Look("14-heatmap");
        await Expect(heatMap.Count("inherent", 4, 5)).ToHaveTextAsync("1");
        var register = await heatMap.OpenCell("residual", 2, 3);
        await Expect(register.Rows).ToHaveCountAsync(1);
        await Expect(register.Table).ToContainTextAsync(Risk, Shown);
        await register.Look("15-register");

        // Bring a register in from a spreadsheet: upload, see the mapping, check, say what the unknown values mean, import.
        var import = await (await RiskImportPage.Open(page)).Upload("register.csv",
            "ID,Risk Title,Owner,Likelihood (1-5),Max Impact,Treatment Decision\nIMP-1,Laptop stolen on a train,Rita Owner,3,2,Accept\n"
            + "IMP-2,Tailgating into the office,Head of Facilities,2,2,Tolerate with monitoring\n");
        await Expect(import.MappedColumn("Title")).ToHaveTextAsync("Risk Title");
        await Expect(import.Value("Treatment", "Accept").Locator("option:checked")).ToHaveTextAsync("Accept");
        import = await import.CheckEveryRow();
        await Expect(import.Report).ToContainTextAsync("A treatment needs a rationale", Shown);
        await Expect(import.Report).ToContainTextAsync("\"Head of Facilities\" is not a user", Shown);
        await Expect(import.Report).ToContainTextAsync("\"Tolerate with monitoring\" is not a known treatment", Shown);
        import = await import.Means("Owner", "Head of Facilities", Rita);
        import = await import.Means("Treatment", "Tolerate with monitoring", "Accept");
        import = await import.GiveMissingRationale("Cheaper to replace than to protect.");
        import = await import.CheckEveryRow();
        await Expect(import.Report).ToContainTextAsync("All 2 row(s) can be imported", Shown);
        await import.Look("16-import");
        register = await import.Import();
        await Expect(register.Table).ToContainTextAsync("Laptop stolen on a train", Shown);
        await Expect(register.Table).ToContainTextAsync("Tailgating into the office", Shown);

        // The Statement of Applicability: an exclusion without a justification is refused beside the field.
        var decision = await (await SoaDecisionPage.Open(page, "A.8.28")).ExcludeWithoutJustification();
        var soa = await decision.SaveJustification("We develop no software.");

        // One row decided in place (htmx): the error appears in the row, then the saved row replaces the editor, and the
        // counts above the table follow.
        var undecided = await soa.UndecidedCount();
        var row = await soa.Row("A.5.7").Decide();
        row = await row.ExcludeWithoutJustification();
        await Expect(row.EditorError).ToContainTextAsync("Say why this control is not applicable", Shown);
        await row.Editor.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "17a-soa-row-error.png") });
        row = await row.Exclude("No threat intelligence feed is subscribed to yet.");
        await Expect(row.Row).ToContainTextAsync("No threat intelligence feed", Shown);
        await Expect(soa.Undecided).ToHaveTextAsync((undecided - 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page).ToHaveURLAsync(new Regex("/soa\\?done=saved$"));

        // Every other row at once, then approve: version 1.
        soa = await soa.DecideEveryUndecided("BestPractice");
        await soa.Look("17-soa");
        var version = await soa.ApproveAsVersion(1);
        await Expect(version.Heading).ToContainTextAsync("version 1", Shown);

        // Change one row: the comparison with version 1 shows exactly that change.
        soa = await (await SoaDecisionPage.Open(page, "A.8.28")).SaveJustification("We develop no software; the supplier configures our SaaS.");
        var changes = await soa.ChangesSince(1);
        await Expect(changes.Rows).ToHaveCountAsync(1);
        await Expect(changes.Rows).ToContainTextAsync("A.8.28", Shown);
        await changes.Look("18-soa-diff");

        // The activity log in words: the risk named, its owner by name, its status as a word, times in Berlin.
        var activity = await ActivityPage.Open(page, "Risk");
        await Expect(activity.Main).ToContainTextAsync("R-001 " + Risk, Shown);
        await Expect(activity.Main).ToContainTextAsync(Rita, Shown);
        await Expect(activity.Main).Not.ToContainTextAsync("OwnerId", Shown);
        await Expect(activity.Main).ToContainTextAsync("Europe/Berlin", Shown);
        await activity.Look("18a-activity");
        var history = await activity.OpenHistory("R-001 " + Risk);
        await Expect(history.Heading).ToContainTextAsync("History of R-001 " + Risk, Shown);
        await Expect(history.Main).ToContainTextAsync("In treatment", Shown);
        await history.Look("18b-history");

        // A control that runs quarterly, owned by Rita; its next run is on her work.
        var control = await ControlPage.Add(page, "Quarterly access review", Rita, "Quarterly", "Operating", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        var controlPath = control.Path;
        await Expect(control.EvidenceSummary).ToContainTextAsync("No evidence", Shown);

        // Upload evidence: a file whose content is not what its name says is refused beside the field.
        var evidence = await (await control.AddEvidence()).UploadRefused("Access review Q4 — signed off",
            new FilePayload { Name = "review.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await Expect(evidence.FileField).ToContainTextAsync("not a PDF file", Shown);
        await Expect(evidence.FileField).ToContainTextAsync("Choose the file again", Shown);
        await evidence.Look("19a-evidence-refused");
        evidence = await evidence.UploadAgain(
            new FilePayload { Name = "review.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% access review\n%%EOF\n") });
        var evidencePath = evidence.Path;
        evidence = await evidence.Accept();
        await Expect(evidence.Review).ToContainTextAsync("Accepted by " + Rita, Shown);
        await evidence.Look("19-evidence");

        // On the control: the evidence is current, and the run is listed; My work shows the run due.
        control = await ControlPage.Open(page, controlPath);
        await Expect(control.EvidenceSummary).ToContainTextAsync("Current evidence, valid until", Shown);
        await Expect(control.EvidenceTimeline).ToContainTextAsync("Access review Q4", Shown);
        await Expect(control.Runs).ToContainTextAsync("Next run due", Shown);
        await control.Look("20-control");
        work = await MyWorkPage.Open(page);
        await Expect(work.ControlWork).ToContainTextAsync("Quarterly access review", Shown);
        await work.Look("21-my-work");

        // The evidence register lists it; the integrity check finds the stored file unchanged.
        var evidenceRegister = await work.OpenEvidenceRegister();
        await Expect(evidenceRegister.Table).ToContainTextAsync("Access review Q4", Shown);
        await evidenceRegister.Look("22-evidence-register");
        var integrity = await (await evidenceRegister.OpenIntegrityCheck()).CheckEveryStoredFile();
        await Expect(integrity.Report).ToContainTextAsync("The one stored file (1 evidence item) matches the hash", Shown);
        await integrity.Look("23-evidence-integrity");

        // The methodology as a file: a file with a field it does not know is refused beside the field; a 3 × 3 one
        // becomes the draft (version 1 stays approved until the draft is).
        var methodologyImport = await (await (await integrity.OpenMethodology()).OpenImport())
            .UploadRefused("methodology.yaml", "name: Ours\nthreshold: High\n");
        await Expect(methodologyImport.FileField).ToContainTextAsync("Line 2, column 1: this field is not part of a methodology file", Shown);
        await methodologyImport.Look("23a-methodology-import-refused");
        var draft = await methodologyImport.UploadIntoDraft("small-office.yaml", """
            name: Small-office methodology
            reviewIntervalMonths: 6
            likelihood: [{label: Rare}, {label: Possible}, {label: Likely}]
            impact: [{label: Minor}, {label: Serious}, {label: Severe}]
            impactMode: single
            levels:
              - {name: Low, colour: "#2e7d32"}
              - {name: High, colour: "#c62828"}
            acceptUpTo: Low
            matrix:
              - [Low, Low, High]
              - [Low, High, High]
              - [High, High, High]
            """);
        await Expect(draft.Heading).ToHaveTextAsync("Small-office methodology");
        await Expect(draft.Main).ToContainTextAsync("Imported from small-office.yaml.", Shown);
        await draft.Look("23b-methodology-imported");

        // The staff list, brought in as the HR system exports it: a manager named further down the file.
        var staff = await (await PeoplePage.Open(draft)).Import("staff.csv",
            "Name,Email,Department,Job title,Manager\nPaul Payroll,paul@example.org,Finance,Payroll clerk,Fiona Finance\nFiona Finance,fiona@example.org,Finance,Head of finance,\n", rows: 2);
        await Expect(staff.Table).ToContainTextAsync("Paul Payroll", Shown);
        await Expect(staff.Table).ToContainTextAsync("Fiona Finance", Shown);
        await staff.Look("23d-people");

        // Every file link in the app, clicked as a person clicks it: a file of the right type arrives, the page stays.
        var downloads = await Downloads.ClickEvery(page,
        [
            ("/risks", Risk),
            ("/risks/treatment-plan", "Offline backup with a quarterly restore test"),
            ("/risks/methodology/1", "acceptUpTo"),
            ("/assets", "File server FS-01"),
            ("/people", "Paul Payroll"),
            ("/controls", "Quarterly access review"),
            ("/soa", "We develop no software"),
            ("/soa/versions/1", "We develop no software."),
            (evidencePath, "access review"),
        ]);
        downloads.ShouldBe(Downloads.LinksInTheApp);

        // Every other page reachable from here, looked at the same way.
        var pages = await Crawl.EveryPage(page);
        pages.Count.ShouldBeGreaterThan(40);

        errors.ShouldBeEmpty();
    }
}
