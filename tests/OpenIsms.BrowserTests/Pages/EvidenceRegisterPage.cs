using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The evidence register.</summary>
public sealed class EvidenceRegisterPage(IPage page) : AppPage(page)
{
    public ILocator Table => Page.Locator("tbody");

    public async Task<EvidenceIntegrityPage> OpenIntegrityCheck()
    {
        await Link("Evidence integrity").ClickAsync();
        return await Arrived(new EvidenceIntegrityPage(Page), new Regex("/evidence/integrity"));
    }
}
