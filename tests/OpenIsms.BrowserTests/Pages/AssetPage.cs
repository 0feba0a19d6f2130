using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>One asset: its heading names its identifier and name.</summary>
public sealed class AssetPage(IPage page) : AppPage(page);
