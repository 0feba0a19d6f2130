using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The SoA compared with an approved version: one table row per changed decision.</summary>
public sealed class SoaChangesPage(IPage page) : AppPage(page)
{
    public ILocator Rows => Page.Locator("tbody tr");
}
