using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>Settings → Users: the list and the form that adds a user.</summary>
public sealed class UsersPage(IPage page) : AppPage(page)
{
    public static async Task<UsersPage> Open(IPage page)
    {
        await page.GotoAsync("/settings/users");
        return await Arrived(new UsersPage(page), new Regex("/settings/users$"));
    }

    public async Task<UsersPage> AddUser(string name, string email, string initialPassword, string role)
    {
        await Link("Add a user").ClickAsync();
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Initial password").FillAsync(initialPassword);
        await Page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(role) + " —") }).CheckAsync();
        await Button("Add user").ClickAsync();
        return await Arrived(this, new Regex("/settings/users(\\?.*)?$"));
    }
}
