using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Issue 14's corrective-action path (clause 10.2) in Chromium: raise a minor nonconformity → record the correction →
/// five whys to a root cause → one corrective action, planned with its effectiveness check → done → implemented →
/// checked effective and closed; the register's exports, clicked, carry its root cause.
/// </summary>
public sealed class NonconformityJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Nora = new("Northwind Labs", "Nora Admin", "nora@northwind.example", "nora-password-2026");

    [Fact]
    public async Task RaiseANonconformity_CorrectIt_FindItsCause_ActOnIt_CheckIt_AndCloseIt()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await (await SetupPage.Open(page)).CreateAdministrator(Nora);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Nonconformities", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/nonconformities$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Raise a nonconformity" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Restore tests not run");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Minor" }).CheckAsync();
        await page.GetByLabel("Requirement not met").SelectOptionAsync(new SelectOptionValue { Label = "A.8.13 Information backup" });
        await page.GetByLabel("Who answers for it").SelectOptionAsync(new SelectOptionValue { Label = "Nora Admin" });

        // What was found is missing: refused beside the field, the rest kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise it" }).ClickAsync();
        await Expect(page.Locator("#nonconformity-form .error-message")).ToContainTextAsync("Say what was found", Shown);
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Restore tests not run");
        await page.GetByLabel("What was found").FillAsync("3 of the 12 backup jobs sampled had no restore test this year.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise it" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/nonconformities/[0-9a-f-]+\\?done=added$"));
        await Expect(page.Locator("#state")).ToContainTextAsync("record the correction", Shown);

        // It is on My work; from there to the correction.
        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).First.ClickAsync();
        await page.Locator("#nonconformity-work").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Restore tests not run") }).ClickAsync();
        await page.GetByLabel("What was done at once").FillAsync("Ran and restored the three jobs' last backups on a test server.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the correction" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=step"));

        // Five whys to the root cause.
        await page.GetByLabel("Why did it happen?").FillAsync("Nobody ran the restore tests.");
        await page.GetByLabel("Why? (2)").FillAsync("They are in nobody's calendar.");
        await page.GetByLabel("Root cause").FillAsync("Restore testing has no owner and no schedule.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the root cause" }).ClickAsync();
        await Expect(page.Locator("#state")).ToContainTextAsync("Cause found", Shown);

        // The plan needs an action first; then one action, and the check a month on.
        await page.GetByLabel("Check effectiveness on").FillAsync(today.AddMonths(1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the plan" }).ClickAsync();
        await Expect(page.Locator("#step-form .error-summary")).ToContainTextAsync("Add at least one corrective action first", Shown);
        await page.GetByLabel("What will be done").FillAsync("Schedule quarterly restore tests with a named owner");
        await page.Locator("#action-form").GetByLabel("Who does it").SelectOptionAsync(new SelectOptionValue { Label = "Nora Admin" });
        await page.Locator("#action-form").GetByLabel("Due on").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync("Schedule quarterly restore tests", Shown);
        await page.GetByLabel("Check effectiveness on").FillAsync(today.AddMonths(1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the plan" }).ClickAsync();
        await Expect(page.Locator("#state")).ToContainTextAsync("Actions planned", Shown);
        await BrowserApp.Look(page, "84-nonconformity-planned");

        // The action done, the actions implemented, the check effective: closed.
        await page.Locator("#actions").GetByPlaceholder("What was done, or why cancelled").FillAsync("In the ops calendar; owner named.");
        await page.Locator("#actions").GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator("#actions")).ToContainTextAsync("In the ops calendar", Shown);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the actions implemented" }).ClickAsync();
        await page.GetByLabel("What the check found").FillAsync("Two restore tests ran and passed; every job now has one.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Effective — close it" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=nc-closed"));
        await Expect(page.Locator("#state")).ToContainTextAsync("Closed", Shown);
        await Expect(page.Locator("#steps")).ToContainTextAsync("Checked: effective — closed", Shown);
        await BrowserApp.Look(page, "85-nonconformity-closed");

        // The register keeps it among the closed ones; its exports, clicked, carry the root cause.
        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Nonconformities", Exact = true }).ClickAsync();
        await page.GetByLabel("Include closed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("table")).ToContainTextAsync("Restore tests not run", Shown);
        await BrowserApp.Look(page, "86-nonconformity-register");
        (await Downloads.ClickEvery(page, [("/nonconformities?closed=true", "Restore testing has no owner and no schedule.")])).ShouldBe(2);
        errors.ShouldBeEmpty();
    }
}
