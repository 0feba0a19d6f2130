using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

internal static class LocatorExtensions
{
    /// <summary>Opens a details element's summary unless it is already open.</summary>
    public static async Task ClickIfClosed(this ILocator summary)
    {
        if (await summary.Locator("xpath=..").GetAttributeAsync("open") is null)
        {
            await summary.ClickAsync();
        }
    }
}
