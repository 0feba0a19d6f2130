using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The risk register: the table of risks, as filtered.</summary>
public sealed class RiskRegisterPage(IPage page) : AppPage(page)
{
    public ILocator Rows => Page.Locator("tbody tr");

    public ILocator Table => Page.Locator("tbody");

    public static async Task<RiskRegisterPage> Open(IPage page)
    {
        await page.GotoAsync("/risks");
        return await Arrived(new RiskRegisterPage(page), new Regex("/risks$"));
    }
}
