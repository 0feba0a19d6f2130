using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The activity log, in words, filtered to one kind of record.</summary>
public sealed class ActivityPage(IPage page, string type) : AppPage(page)
{
    public static async Task<ActivityPage> Open(IPage page, string type)
    {
        await page.GotoAsync("/activity?type=" + type);
        return await Arrived(new ActivityPage(page, type), new Regex("/activity\\?type=" + type + "$"));
    }

    /// <summary>Follows the first entry's link to the record's history.</summary>
    public async Task<HistoryPage> OpenHistory(string record)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = record }).First.ClickAsync();
        return await Arrived(new HistoryPage(Page), new Regex($"/history/{type}/"));
    }
}
