using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The decision page of one SoA row: applicability, justification, status and notes.</summary>
public sealed class SoaDecisionPage(IPage page) : AppPage(page)
{
    private ILocator Justification => Page.GetByLabel("Justification for exclusion");

    /// <summary>The message shown beside the justification.</summary>
    public ILocator JustificationError => Page.Locator("#f-ExclusionJustification").Locator("xpath=..").Locator(".error-message");

    public static async Task<SoaDecisionPage> Open(IPage page, string code)
    {
        await page.GotoAsync("/soa/" + code);
        return await Arrived(new SoaDecisionPage(page), new Regex("/soa/" + Regex.Escape(code) + "$"));
    }

    /// <summary>Marks the control not applicable without saying why: the page comes back with a message.</summary>
    public async Task<SoaDecisionPage> ExcludeWithoutJustification()
    {
        await Page.GetByLabel("Not applicable").CheckAsync();
        await Button("Save decision").ClickAsync();
        await Expect(JustificationError).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Saves the exclusion with its justification (the control already marked not applicable).</summary>
    public async Task<SoaPage> SaveJustification(string justification)
    {
        await Justification.FillAsync(justification);
        await Button("Save decision").ClickAsync();
        return await Arrived(new SoaPage(Page), new Regex("/soa\\?done=saved"));
    }
}
