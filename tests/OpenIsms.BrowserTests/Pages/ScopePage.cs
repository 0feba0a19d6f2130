using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The ISMS scope: its statement, exclusions and approval, and the form that writes the draft.</summary>
public sealed class ScopePage(IPage page) : AppPage(page)
{
    /// <summary>Who approved which version, once approved.</summary>
    public ILocator Approval => Page.Locator(".approval");

    /// <summary>Any button in the page's own content: someone who may only read sees none.</summary>
    public ILocator SubmitButtons => Main.Locator("button[type=submit]");

    public ILocator EditLinks => Main.Locator("a[href='/scope/edit']");

    public static async Task<ScopePage> Open(IPage page)
    {
        await page.GotoAsync("/scope");
        return await Arrived(new ScopePage(page), new Regex("/scope$"));
    }

    /// <summary>Writes the statement and marks the first external issue not relevant, saying why; saves the draft.</summary>
    public async Task<ScopePage> WriteStatement(string statement, string whyNotRelevant)
    {
        await Link("Write the scope statement").ClickAsync();
        await Page.GetByLabel("Scope statement").FillAsync(statement);
        await Page.GetByLabel("Not relevant").CheckAsync();
        await Page.GetByLabel("Why (or why not)").FillAsync(whyNotRelevant);
        await Button("Save draft").ClickAsync();
        return await Arrived(this, new Regex("/scope(\\?.*)?$"));
    }

    /// <summary>Approves the draft, saying yes when asked; returns the question asked.</summary>
    public Task<string?> Approve() => Confirming(async () =>
    {
        await Button("Approve scope").ClickAsync();
        await Expect(Approval).ToBeVisibleAsync();
    });
}
