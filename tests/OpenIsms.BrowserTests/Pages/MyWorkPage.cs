using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The start page: a person's work.</summary>
public sealed class MyWorkPage(IPage page) : AppPage(page)
{
    /// <summary>The control runs due and the evidence to review.</summary>
    public ILocator ControlWork => Page.Locator("#control-work");

    public static async Task<MyWorkPage> Open(IPage page)
    {
        await page.GotoAsync("/");
        return await Arrived(new MyWorkPage(page), new Regex("/$"));
    }
}
