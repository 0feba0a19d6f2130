using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Issue 13's communication path (clause 7.4) in Chromium: plan a quarterly communication → it is due on My work → record
/// that it happened, with a link → the next date moves a quarter on → the plan's CSV and XLSX exports, clicked as a person
/// clicks them, carry it.
/// </summary>
public sealed class CommunicationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Cora = new("Contoso Care", "Cora Admin", "cora@contoso.example", "cora-password-2026");

    [Fact]
    public async Task PlanACommunication_ItIsDue_RecordIt_TheNextDateMoves_AndThePlanExports()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await (await SetupPage.Open(page)).CreateAdministrator(Cora);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Communication plan", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/communications$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a communication" }).ClickAsync();
        await page.GetByLabel("What is communicated").FillAsync("Quarterly security update");
        await page.GetByLabel("To whom").FillAsync("All staff");
        await page.GetByLabel("How", new() { Exact = true }).FillAsync("Intranet post and team meetings");
        await page.GetByLabel("Who communicates it").SelectOptionAsync(new SelectOptionValue { Label = "Cora Admin" });
        await page.GetByLabel("How often").SelectOptionAsync("Quarterly");

        // No date: refused beside the field, nothing else lost.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Expect(page.Locator("#communication-form .error-message")).ToContainTextAsync("Enter the date it is next due.", Shown);
        await Expect(page.GetByLabel("To whom")).ToHaveValueAsync("All staff");
        await page.GetByLabel("Next due").FillAsync(today.ToString("yyyy-MM-dd"));
        await BrowserApp.Look(page, "80-communication-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/communications/[0-9a-f-]+\\?done=added$"));
        var itemPath = new Uri(page.Url).AbsolutePath;

        // It is due today: on My work, with a link to record it.
        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).First.ClickAsync();
        var due = page.Locator("#communication-work");
        await Expect(due).ToContainTextAsync("Quarterly security update", Shown);
        await due.GetByRole(AriaRole.Link, new() { Name = "Quarterly security update" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(itemPath) + "#record$"));

        // Nothing to show for it is refused; with the link it is recorded and the next date moves a quarter on.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page.Locator("#happened-form .error-message")).ToContainTextAsync("Say what shows it happened", Shown);
        await page.GetByLabel("Link to it (optional)").FillAsync("https://intranet.contoso.example/security/2026-q4");
        await page.GetByLabel("Note (optional)").FillAsync("Also presented at the December all-hands.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=communicated"));
        await Expect(page.Locator("#records")).ToContainTextAsync("intranet.contoso.example/security/2026-q4", Shown);
        await Expect(page.Locator("#next-due")).ToContainTextAsync(today.AddMonths(3).ToString("d MMM yyyy"), Shown);
        await BrowserApp.Look(page, "81-communication-recorded");

        // The plan shows when it last happened; its exports, clicked, carry it.
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Communication plan", Exact = true }).ClickAsync();
        await Expect(page.Locator("table")).ToContainTextAsync(today.ToString("d MMM yyyy"), Shown);
        await BrowserApp.Look(page, "82-communication-plan");
        (await Downloads.ClickEvery(page, [("/communications", "Quarterly security update")])).ShouldBe(2);
        errors.ShouldBeEmpty();
    }
}
