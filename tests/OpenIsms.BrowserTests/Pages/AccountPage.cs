using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>A person's own account: the password, and the notice that sends a new user to choose their own.</summary>
public sealed class AccountPage(IPage page) : AppPage(page)
{
    public ILocator ChoosePasswordNotice => Page.Locator("#choose-password");

    /// <summary>Asks for a page with a password an administrator chose: the app sends the person here first.</summary>
    public static async Task<AccountPage> RequiredBefore(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await Arrived(new AccountPage(page), new Regex("/account\\?required=password$"));
    }

    public async Task<AccountPage> ChangePassword(string current, string next)
    {
        await Page.GetByLabel("Current password").FillAsync(current);
        await Page.GetByLabel("New password", new() { Exact = true }).FillAsync(next);
        await Page.GetByLabel("Confirm new password").FillAsync(next);
        await Button("Change password").ClickAsync();
        return await Arrived(this, new Regex("/account\\?done=password$"));
    }
}
