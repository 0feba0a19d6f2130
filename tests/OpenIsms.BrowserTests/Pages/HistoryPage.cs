using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The history of one record, headed by its name.</summary>
public sealed class HistoryPage(IPage page) : AppPage(page);
