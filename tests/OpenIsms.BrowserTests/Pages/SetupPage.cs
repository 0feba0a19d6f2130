using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The first-run page: the organisation and its first administrator.</summary>
public sealed class SetupPage(IPage page) : AppPage(page)
{
    public ILocator OrganisationName => Page.GetByLabel("Organisation name");

    /// <summary>A new installation sends a visitor of the start page here.</summary>
    public static async Task<SetupPage> OpenAsNewVisitor(IPage page)
    {
        await page.GotoAsync("/");
        return await Arrived(new SetupPage(page), new Regex("/setup"));
    }

    public static async Task<SetupPage> Open(IPage page)
    {
        await page.GotoAsync("/setup");
        return await Arrived(new SetupPage(page), new Regex("/setup$"));
    }

    /// <summary>Submits with a confirmation that differs from the password: the page comes back with a message.</summary>
    public async Task<SetupPage> CreateAdministratorMistyped(Administrator admin, string confirmation)
    {
        await Fill(admin, confirmation);
        await Expect(ErrorMessages.First).ToBeVisibleAsync();
        return this;
    }

    public async Task<MyWorkPage> CreateAdministrator(Administrator admin)
    {
        await Fill(admin, admin.Password);
        return await Arrived(new MyWorkPage(Page), new Regex("/\\?welcome=1$"));
    }

    private async Task Fill(Administrator admin, string confirmation)
    {
        await OrganisationName.FillAsync(admin.Organisation);
        await Page.GetByLabel("Your name").FillAsync(admin.Name);
        await Page.GetByLabel("Your email address").FillAsync(admin.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(admin.Password);
        await Page.GetByLabel("Confirm password").FillAsync(confirmation);
        await Button("Create administrator").ClickAsync();
    }
}
