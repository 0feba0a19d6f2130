using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The sign-in page.</summary>
public sealed class SignInPage(IPage page) : AppPage(page)
{
    public static async Task<SignInPage> Open(IPage page)
    {
        await page.GotoAsync("/account/login");
        return await Arrived(new SignInPage(page), new Regex("/account/login$"));
    }

    /// <summary>Asks for a page while signed out: the app answers with the sign-in page.</summary>
    public static async Task<SignInPage> AskedFor(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await Arrived(new SignInPage(page), new Regex("/account/login"));
    }

    /// <summary>Signs in; where the app goes next depends on the account, so this only waits to leave sign-in.</summary>
    public async Task SignIn(string email, string password)
    {
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Button("Sign in").ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }
}
