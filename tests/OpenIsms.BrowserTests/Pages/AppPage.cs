using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>
/// What every signed-in page shows: the top bar, the menu, the main area and sign-out. The page objects derive from it;
/// each holds the locators and actions of one page or area, and an action that moves on returns the next page object.
/// </summary>
public abstract partial class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.Locator("main");

    public ILocator Heading => Page.Locator("main h1");

    public ILocator TopBar => Page.Locator(".topbar");

    public ILocator Menu => Page.Locator("nav.sidenav");

    /// <summary>The messages shown beside the fields of a refused form.</summary>
    public ILocator ErrorMessages => Page.Locator(".error-message");

    /// <summary>The path of the page shown, without its query: the address to come back to.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    /// <summary>Screenshot, duplicate ids and axe-core, as on every page the tests visit.</summary>
    public Task Look(string name) => BrowserApp.Look(Page, name);

    public async Task<CataloguePage> OpenCatalogue()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Requirements & controls" }).ClickAsync();
        return await Arrived(new CataloguePage(Page), new Regex("/catalogue"));
    }

    public async Task<ScopePage> OpenScope()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Scope" }).First.ClickAsync();
        return await Arrived(new ScopePage(Page), new Regex("/scope$"));
    }

    public async Task<OrganisationPage> OpenOrganisationSettings()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Organisation", Exact = true }).ClickAsync();
        return await Arrived(new OrganisationPage(Page), new Regex("/settings/organisation$"));
    }

    public async Task<MethodologyPage> OpenMethodology()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Risk methodology" }).ClickAsync();
        return await Arrived(new MethodologyPage(Page), new Regex("/risks/methodology$"));
    }

    public async Task<AssetsPage> OpenAssets()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Assets" }).ClickAsync();
        return await Arrived(new AssetsPage(Page), new Regex("/assets"));
    }

    public async Task<EvidenceRegisterPage> OpenEvidenceRegister()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Evidence", Exact = true }).ClickAsync();
        return await Arrived(new EvidenceRegisterPage(Page), new Regex("/evidence$"));
    }

    /// <summary>Signs out and waits for the signed-out page: the sign-in page, or the start page that leads to it.</summary>
    public async Task SignOut()
    {
        var signOut = Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await signOut.ClickAsync();

        // The signed-out page itself (no sign-out button), not a navigation event: under hx-boost the page may already
        // be at "/" and swap its body without a new load.
        await Expect(signOut).ToHaveCountAsync(0);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login|/$"));
        await Expect(TopBar).Not.ToContainTextAsync("Sign out");
    }

    /// <summary>
    /// Waits until the page has arrived at the address and htmx has settled it: under hx-boost the address changes
    /// when the new body is swapped in, and htmx wires that body's own triggers (filters, in-place editors) a moment
    /// later, while the body still carries its busy classes.
    /// </summary>
    protected internal static async Task<T> Arrived<T>(T next, Regex url)
        where T : AppPage
    {
        await Expect(next.Page).ToHaveURLAsync(url);
        await Expect(next.Page.Locator("body")).Not.ToHaveClassAsync(HtmxBusy());
        return next;
    }

    /// <summary>Does what asks for confirmation (a button with data-confirm), says yes, and returns what was asked.</summary>
    protected async Task<string?> Confirming(Func<Task> action)
    {
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        Page.Dialog += Accept;
        try
        {
            await action();
        }
        finally
        {
            Page.Dialog -= Accept;
        }

        return asked;
    }

    protected ILocator Button(string name, bool exact = false) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = exact });

    protected ILocator Link(string name, bool exact = false) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = exact });

    [GeneratedRegex(@"\bhtmx-(request|swapping|settling)\b")]
    private static partial Regex HtmxBusy();
}
