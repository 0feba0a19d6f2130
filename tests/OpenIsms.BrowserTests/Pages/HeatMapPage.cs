using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The heat maps of inherent and residual risk; a cell with risks links to the register filtered to it.</summary>
public sealed class HeatMapPage(IPage page) : AppPage(page)
{
    public static async Task<HeatMapPage> Open(IPage page)
    {
        await page.GotoAsync("/risks/heatmap");
        return await Arrived(new HeatMapPage(page), new Regex("/risks/heatmap$"));
    }

    /// <summary>The number shown in a cell of the inherent or residual map.</summary>
    public ILocator Count(string kind, int likelihood, int impact) => Cell(kind, likelihood, impact).Locator("text.count");

    public async Task<RiskRegisterPage> OpenCell(string kind, int likelihood, int impact)
    {
        await Cell(kind, likelihood, impact).ClickAsync();
        return await Arrived(new RiskRegisterPage(Page), new Regex($"kind={kind}&l={likelihood}&i={impact}"));
    }

    private ILocator Cell(string kind, int likelihood, int impact) =>
        Page.Locator($"a[href^='/risks?kind={kind}&l={likelihood}&i={impact}']");
}
