using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Issue 13's measurement path in Chromium: set an objective → add a metric to it → record a value through the form → the
/// objective's page shows it on its chart and counts it on target; a value dated in the future is refused beside the field.
/// </summary>
public sealed class ObjectiveJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Omar = new("Northwind Trading", "Omar Admin", "omar@northwind.example", "omar-password-2026");

    [Fact]
    public async Task SetAnObjective_AddAMetric_RecordAValue_TheObjectivesChartShowsIt()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await (await SetupPage.Open(page)).CreateAdministrator(Omar);

        await page.Locator("nav.sidenav").GetByRole(AriaRole.Link, new() { Name = "Objectives", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/objectives$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an objective" }).ClickAsync();
        await page.GetByLabel("Objective", new() { Exact = true }).FillAsync("Staff recognise and report phishing");
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync("Fewer than 5% click a simulated phishing link");
        await page.GetByLabel("To be achieved by").FillAsync("2027-12-31");
        await page.GetByLabel("What will be done (optional)").FillAsync("Quarterly phishing simulations; short training for those who click.");
        await BrowserApp.Look(page, "70-objective-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add objective" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/objectives/[0-9a-f-]+\\?done=added$"));
        var objectivePath = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("#progress")).ToContainTextAsync("No metric yet", Shown);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a metric" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/metrics/new\\?objective="));
        await page.GetByLabel("Name").FillAsync("Phishing simulation click rate");
        await page.GetByLabel("Better when").SelectOptionAsync("LowerIsBetter");
        await page.GetByLabel("Target").FillAsync("5");
        await page.GetByLabel("Warning threshold (optional)").FillAsync("10");
        await page.GetByLabel("Unit (optional)").FillAsync("%");
        await page.GetByLabel("Measured every").SelectOptionAsync("Quarter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add metric" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/metrics/[0-9a-f-]+\\?done=added$"));

        // A value dated tomorrow is refused beside the field; today's is recorded.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.GetByLabel("Taken on").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Value (%)").FillAsync("3.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record value" }).ClickAsync();
        await Expect(page.Locator("#measurement-form .error-message")).ToContainTextAsync("cannot be in the future", Shown);
        await page.GetByLabel("Taken on").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record value" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("done=value-recorded"));
        await Expect(page.Locator("#trend svg circle")).ToHaveCountAsync(1);
        await Expect(page.Locator("#measurements")).ToContainTextAsync("3.5", Shown);
        await BrowserApp.Look(page, "71-metric-trend");

        // The objective's page shows the value on its chart, on target.
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff recognise and report phishing" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(objectivePath) + "$"));
        await Expect(page.Locator("#progress")).ToContainTextAsync("1 of 1 metric on target", Shown);
        var card = page.Locator(".metric-card", new() { HasText = "Phishing simulation click rate" });
        await Expect(card).ToContainTextAsync("3.5%", Shown);
        await Expect(card.Locator("svg circle")).ToHaveCountAsync(1);
        await BrowserApp.Look(page, "72-objective-chart");
        errors.ShouldBeEmpty();
    }
}
