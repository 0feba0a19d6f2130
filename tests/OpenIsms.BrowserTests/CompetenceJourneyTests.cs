using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Issue 13's roles and competence path in Chromium: define a role that needs a certification → assign a person → the
/// matrix shows the gap → add their certificate with its scan → the gap closes, and the scan downloads as stored. Then a
/// RACI row with two Accountables is refused beside the form, and one with a single Accountable shows in the matrix.
/// </summary>
public sealed class CompetenceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Rita = new("Contoso Labs", "Rita Admin", "rita@contoso.example", "rita-password-2026");

    [Fact]
    public async Task ARoleNeedingACertification_AssignAPerson_AddTheirCertificate_TheGapCloses()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        var work = await (await SetupPage.Open(page)).CreateAdministrator(Rita);
        await (await PeoplePage.Open(work)).Import("staff.csv",
            $"Name,Email,Department\nAudra Auditor,audra-{Guid.NewGuid():N}@contoso.example,Quality\nBen Board,ben-{Guid.NewGuid():N}@contoso.example,Board\n", rows: 2);

        var matrix = await CompetencePage.OpenMatrix(work);
        matrix = await matrix.AddCompetence("ISO/IEC 27001 Lead Auditor", "Certification");

        var role = await RolePage.Add(matrix, "Lead auditor", "Plans and leads the internal audits of the ISMS.");
        role = await role.Require("ISO/IEC 27001 Lead Auditor");
        await Expect(role.Holders).ToContainTextAsync("Nobody holds this role today", Shown);
        role = await role.Assign("Audra Auditor");
        await Expect(role.Holders).ToContainTextAsync("Audra Auditor", Shown);
        await role.Look("61-role");

        // The matrix shows Audra's gap; her record names it.
        matrix = await CompetencePage.OpenMatrix(role);
        await Expect(matrix.Matrix.Locator("tbody tr", new() { HasText = "Audra Auditor" })).ToContainTextAsync("Gap", Shown);
        await Expect(page.Locator("#competence-totals")).ToContainTextAsync("0%", Shown);
        await matrix.Look("62-competence-matrix-gap");
        var audra = await matrix.OpenPerson("Audra Auditor");
        await Expect(audra.Needs).ToContainTextAsync("Gap", Shown);
        await audra.Look("63-person-competence-gap");

        // A scan that is not what it claims is refused beside the file field; the real one is kept.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        audra = await RefusedScan(audra, today);
        var scan = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        audra = await audra.AddCertificate("ISO/IEC 27001 Lead Auditor", "Lead Auditor certificate 4711", today.AddMonths(-2), today.AddYears(3), "lead-auditor.pdf", scan);
        await Expect(audra.Needs).ToContainTextAsync("Met, valid until", Shown);
        await audra.Look("65-person-competence-met");
        var personPath = audra.Path;

        matrix = await CompetencePage.OpenMatrix(audra);
        await Expect(matrix.Matrix.Locator("tbody tr", new() { HasText = "Audra Auditor" })).ToContainTextAsync("Met", Shown);
        await Expect(page.Locator("#competence-totals")).ToContainTextAsync("100%", Shown);
        await matrix.Look("66-competence-matrix-met");
        (await Downloads.ClickEvery(page, [(personPath, "%PDF-1.4")])).ShouldBe(1);

        // The RACI matrix refuses two Accountables on a row, beside the form; one Accountable is saved and shown.
        await page.GotoAsync("/roles/raci");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a row" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/roles/raci/new$"));
        await page.GetByLabel("Process or control").FillAsync("Internal audit programme");
        await page.GetByLabel("Lead auditor's part").SelectOptionAsync("AccountableResponsible");
        await page.GetByLabel("Top management's part").SelectOptionAsync("Accountable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("both marked Accountable", Shown);
        await BrowserApp.Look(page, "67-raci-refused");
        await page.GetByLabel("Top management's part").SelectOptionAsync("Informed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/roles/raci\\?done=saved$"));
        await Expect(page.Locator("#raci-matrix tbody tr", new() { HasText = "Internal audit programme" })).ToContainTextAsync("A/R", Shown);
        await BrowserApp.Look(page, "68-raci-matrix");

        // My work carries the readiness checklist of clauses 5.3 and 7.2.
        await page.GotoAsync("/");
        await Expect(page.Locator("#support-readiness")).ToContainTextAsync("1 of 1 needs met", Shown);
        await BrowserApp.Look(page, "69-my-work-support");
        errors.ShouldBeEmpty();
    }

    private static async Task<CompetencePage> RefusedScan(CompetencePage audra, DateOnly today)
    {
        var form = audra.Page.Locator("#evidence-form");
        await form.GetByLabel("Competence").SelectOptionAsync(new SelectOptionValue { Label = "ISO/IEC 27001 Lead Auditor" });
        await form.GetByLabel("Kind of evidence").SelectOptionAsync(new SelectOptionValue { Label = "Certificate" });
        await form.GetByLabel("Description").FillAsync("Looks like a certificate");
        await form.GetByLabel("Obtained on").FillAsync(today.AddMonths(-2).ToString("yyyy-MM-dd"));
        await form.GetByLabel("Expires on (optional)").FillAsync(today.AddYears(3).ToString("yyyy-MM-dd"));
        await form.GetByLabel("File (optional)").SetInputFilesAsync(new FilePayload { Name = "certificate.pdf", MimeType = "application/pdf", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() });
        await audra.Page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await Expect(audra.Page.Locator("#evidence-form .error-message")).ToContainTextAsync("content is not a PDF file", Shown);
        await audra.Look("64b-competence-evidence-refused");
        return audra;
    }
}
