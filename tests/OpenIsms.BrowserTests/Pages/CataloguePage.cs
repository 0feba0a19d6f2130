using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>A framework's requirements and controls, filtered in place by htmx.</summary>
public sealed class CataloguePage(IPage page) : AppPage(page)
{
    private ILocator Filters => Main.GetByRole(AriaRole.Search);

    /// <summary>The rows of the results table, swapped in by htmx as the filters change.</summary>
    public ILocator Results => Page.Locator("#catalogue-results tbody tr");

    /// <summary>Chooses in one of the filter lists (Show, Theme, Function …) by its label.</summary>
    public async Task<CataloguePage> Filter(string label, string option)
    {
        await Filters.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(option);
        return this;
    }

    public async Task<CataloguePage> Search(string words)
    {
        await Filters.GetByLabel("Search", new() { Exact = true }).FillAsync(words);
        return this;
    }

    public async Task<CataloguePage> SwitchTo(string framework, string key)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Frameworks" }).GetByRole(AriaRole.Link, new() { Name = framework }).ClickAsync();
        return await Arrived(new CataloguePage(Page), new Regex("framework=" + Regex.Escape(key)));
    }

    public async Task<RequirementPage> OpenFirstResult()
    {
        await Results.GetByRole(AriaRole.Link).First.ClickAsync();
        return await Arrived(new RequirementPage(Page), new Regex("/catalogue/"));
    }

    public async Task<RequirementPage> OpenRequirement(string framework, string code)
    {
        await Link(code, exact: true).ClickAsync();
        return await Arrived(new RequirementPage(Page), new Regex($"/catalogue/{Regex.Escape(framework)}/{Regex.Escape(code)}$"));
    }
}
