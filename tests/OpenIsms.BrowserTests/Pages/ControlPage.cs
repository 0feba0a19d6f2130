using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>One control of the organisation: the form that adds it, then its evidence and its runs.</summary>
public sealed class ControlPage(IPage page) : AppPage(page)
{
    /// <summary>Whether the control has current evidence.</summary>
    public ILocator EvidenceSummary => Page.Locator("#evidence-summary");

    public ILocator EvidenceTimeline => Page.Locator("#control-evidence .timeline");

    public ILocator Runs => Page.Locator("#control-tasks");

    /// <summary>Adds a control that runs at the given frequency (Quarterly …), in the given status (Operating …).</summary>
    public static async Task<ControlPage> Add(IPage page, string name, string owner, string runs, string status, DateOnly nextDue)
    {
        await page.GotoAsync("/controls/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = owner });
        await page.GetByLabel("Runs", new() { Exact = true }).SelectOptionAsync(runs);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(status);
        await page.GetByLabel("Next run due (optional)").FillAsync(nextDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add control" }).ClickAsync();
        return await Arrived(new ControlPage(page), new Regex("/controls/[0-9a-f-]+\\?done=added"));
    }

    public static async Task<ControlPage> Open(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await Arrived(new ControlPage(page), new Regex(Regex.Escape(path) + "$"));
    }

    /// <summary>Opens the form that records evidence of the next run.</summary>
    public async Task<EvidencePage> AddEvidence()
    {
        await Link("Add evidence").ClickAsync();
        var form = await Arrived(new EvidencePage(Page), new Regex("/evidence/new"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" })).ToBeVisibleAsync();
        return form;
    }
}
