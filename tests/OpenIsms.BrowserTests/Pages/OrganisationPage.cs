using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>Settings → Organisation: time zone and the rules a small organisation may relax.</summary>
public sealed class OrganisationPage(IPage page) : AppPage(page)
{
    /// <summary>Chooses the time zone and lets one person both collect and review evidence; saves.</summary>
    public async Task<OrganisationPage> SaveSmallOrganisation(string timeZone)
    {
        await Page.GetByLabel("Time zone").SelectOptionAsync(timeZone);
        await Page.GetByLabel("One person may both collect and review evidence", new() { Exact = false }).CheckAsync();
        await Button("Save settings").ClickAsync();
        return await Arrived(this, new Regex("/settings/organisation\\?done=saved"));
    }
}
