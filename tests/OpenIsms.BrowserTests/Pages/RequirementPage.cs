using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>One requirement or control of a framework, with its mappings to other frameworks.</summary>
public sealed class RequirementPage(IPage page) : AppPage(page)
{
    /// <summary>Back to the framework's catalogue by the breadcrumb.</summary>
    public async Task<CataloguePage> BackToCatalogue(string framework, string key)
    {
        await Page.Locator(".breadcrumbs").GetByRole(AriaRole.Link, new() { Name = framework }).ClickAsync();
        return await Arrived(new CataloguePage(Page), new Regex($"/catalogue\\?framework={Regex.Escape(key)}$"));
    }

    /// <summary>Follows a mapping to a requirement of another framework.</summary>
    public async Task<RequirementPage> FollowMapping(string framework, string code)
    {
        await Link(code, exact: true).ClickAsync();
        return await Arrived(new RequirementPage(Page), new Regex($"/catalogue/{Regex.Escape(framework)}/{Regex.Escape(code)}$"));
    }
}
