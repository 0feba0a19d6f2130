using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The Statement of Applicability: its counts, its rows (each decided in place), bulk decisions, approval.</summary>
public sealed class SoaPage(IPage page) : AppPage(page)
{
    /// <summary>The number of rows not decided yet, in the counts above the table.</summary>
    public ILocator Undecided => Page.Locator("#soa-summary span").Filter(new() { HasText = "not decided" }).Locator("strong");

    public SoaRow Row(string code) => new(Page, code);

    public async Task<int> UndecidedCount() =>
        int.Parse(await Undecided.InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>Records one decision (Best practice …) for every row not decided yet.</summary>
    public async Task<SoaPage> DecideEveryUndecided(string decision)
    {
        await Page.GetByLabel("Record", new() { Exact = true }).SelectOptionAsync(decision);
        await Page.GetByLabel("Every row not decided yet (instead of the ticked ones)").CheckAsync();
        await Button("Apply").ClickAsync();
        return await Arrived(this, new Regex("/soa\\?done=saved"));
    }

    /// <summary>Approves the SoA as it stands, saying yes when asked: it becomes the given version.</summary>
    public async Task<SoaVersionPage> ApproveAsVersion(int version)
    {
        await Confirming(() => Button("Approve the SoA").ClickAsync());
        return await Arrived(new SoaVersionPage(Page), new Regex($"/soa/versions/{version}(\\?|$)"));
    }

    public async Task<SoaChangesPage> ChangesSince(int version)
    {
        await Link($"Changes since version {version}").ClickAsync();
        return await Arrived(new SoaChangesPage(Page), new Regex($"/soa/compare\\?fromNumber={version}"));
    }
}
