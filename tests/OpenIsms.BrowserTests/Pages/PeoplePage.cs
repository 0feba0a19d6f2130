using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The staff list, and bringing it in from the HR system's export through the import wizard.</summary>
public sealed class PeoplePage(IPage page) : AppPage(page)
{
    public ILocator Table => Page.Locator("main tbody");

    /// <summary>What the import's dry run found.</summary>
    public ILocator Report => Page.Locator("#report");

    /// <summary>Opens the list from the menu.</summary>
    public static async Task<PeoplePage> Open(AppPage from)
    {
        await from.Menu.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        return await Arrived(new PeoplePage(from.Page), new Regex("/people$"));
    }

    /// <summary>Import → upload the file → check every row (the report says all can be imported) → import.</summary>
    public async Task<PeoplePage> Import(string name, string csv, int rows)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Arrived(this, new Regex("/people/import$"));
        await Page.GetByLabel("Register file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Button("Upload and map the columns").ClickAsync();
        await Arrived(this, new Regex("/people/import/[0-9a-f-]+$"));
        await Button("Check every row (nothing is saved)").ClickAsync();
        await Expect(Report).ToContainTextAsync($"All {rows} row(s) can be imported");
        await Look("23c-people-import");
        await Button("Import", exact: true).ClickAsync();
        return await Arrived(this, new Regex("/people\\?done=imported$"));
    }
}
