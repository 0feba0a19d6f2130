using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The integrity check of the stored evidence files against their hashes.</summary>
public sealed class EvidenceIntegrityPage(IPage page) : AppPage(page)
{
    public ILocator Report => Page.Locator("#integrity-report");

    public async Task<EvidenceIntegrityPage> CheckEveryStoredFile()
    {
        await Button("Check every stored file").ClickAsync();
        await Expect(Report).ToBeVisibleAsync();
        return this;
    }
}
