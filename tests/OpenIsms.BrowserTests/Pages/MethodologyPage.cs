using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The risk methodology: scales, matrix and its approval.</summary>
public sealed class MethodologyPage(IPage page) : AppPage(page)
{
    public ILocator Approval => Page.Locator(".approval");

    /// <summary>The import of a methodology file, from the page's "Import a file" button.</summary>
    public async Task<MethodologyImportPage> OpenImport()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import a file" }).ClickAsync();
        return await Arrived(new MethodologyImportPage(Page), new System.Text.RegularExpressions.Regex("/risks/methodology/import$"));
    }

    /// <summary>Approves the draft version, saying yes when asked.</summary>
    public async Task<MethodologyPage> Approve(int version)
    {
        await Confirming(async () =>
        {
            await Button($"Approve version {version}").ClickAsync();
            await Expect(Approval).ToBeVisibleAsync();
        });
        return this;
    }
}
