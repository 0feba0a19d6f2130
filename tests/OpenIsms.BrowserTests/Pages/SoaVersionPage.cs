using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>An approved version of the SoA, as it was approved.</summary>
public sealed class SoaVersionPage(IPage page) : AppPage(page);
