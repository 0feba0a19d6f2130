using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The asset inventory and the form that adds an asset.</summary>
public sealed class AssetsPage(IPage page) : AppPage(page)
{
    /// <summary>Adds an asset of the given type and owner, with the given availability need (1–5).</summary>
    public async Task<AssetPage> AddAsset(string name, string type, string owner, int availability)
    {
        await Link("Add an asset").ClickAsync();
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(type);
        await Page.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = owner });
        await Page.GetByLabel("Availability", new() { Exact = true }).SelectOptionAsync(availability.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Button("Add asset").ClickAsync();
        return await Arrived(new AssetPage(Page), new Regex("/assets/[0-9a-f-]+\\?done=added"));
    }
}
