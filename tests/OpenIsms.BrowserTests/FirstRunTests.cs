using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests;

/// <summary>The foundation's main path, as a person does it in Chromium.</summary>
public sealed partial class FirstRunTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string AdminPassword = "first-admin-2026";
    private const string ViewerPassword = "viewer-pass-2026";

    [Fact]
    public async Task Setup_SignIn_Catalogue_Scope_ViewerCannotEdit_SignOut()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            // A refused page (403, 404) is expected where the test asks for one; anything else is a fault.
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add($"{page.Url}: {m.Text} at {m.Location}");
            }
        };

        // First run: the app sends a new visitor to the set-up page.
        await page.GotoAsync("/");
        await page.WaitForURLAsync(new Regex("/setup"));
        await BrowserApp.Look(page, "01-setup");

        // A mismatched confirmation is shown beside the field and keeps what was typed.
        await page.GetByLabel("Organisation name").FillAsync("Northwind Analytics Ltd");
        await page.GetByLabel("Your name").FillAsync("Grace Owner");
        await page.GetByLabel("Your email address").FillAsync("grace@northwind.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
        await page.GetByLabel("Confirm password").FillAsync("something-else-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.Locator(".error-message").First.WaitForAsync();
        (await page.Locator(".error-message").AllInnerTextsAsync()).ShouldContain(t => t.Contains("do not match"));
        (await page.GetByLabel("Organisation name").InputValueAsync()).ShouldBe("Northwind Analytics Ltd");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
        await page.GetByLabel("Confirm password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/\\?welcome=1$"));
        (await page.Locator(".topbar").InnerTextAsync()).ShouldContain("Northwind Analytics Ltd");
        await BrowserApp.Look(page, "02-my-work");

        // The set-up page is gone once a user exists.
        (await page.GotoAsync("/setup"))!.Status.ShouldBe(404);
        await page.GotoAsync("/");

        // Browse the catalogue: filter by theme (htmx swaps the results) and search.
        await page.GetByRole(AriaRole.Link, new() { Name = "Requirements & controls" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/catalogue"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#theme").SelectOptionAsync("People");
        await Expect(page.Locator("#catalogue-results tbody tr"), 8);
        await page.Locator("#q").FillAsync("screening");
        await Expect(page.Locator("#catalogue-results tbody tr"), 1);
        page.Url.ShouldContain("theme=People");
        page.Url.ShouldContain("q=screening");
        await BrowserApp.Look(page, "03-catalogue");
        await page.Locator("#catalogue-results tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/catalogue/"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Screening");
        await BrowserApp.Look(page, "04-requirement");

        // A second framework, from NIST's OSCAL catalog: back to the catalogue by the breadcrumb, switch to it, filter by
        // function and level, follow a mapping back.
        await page.Locator(".breadcrumbs").GetByRole(AriaRole.Link, new() { Name = "ISO/IEC 27001:2022" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/catalogue\\?framework=iso27001-2022$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "NIST Cybersecurity Framework 2.0" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("framework=nist-csf-2.0"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#theme").SelectOptionAsync("RECOVER");
        await page.Locator("#kind").SelectOptionAsync("categories");
        await Expect(page.Locator("#catalogue-results tbody tr"), 2);
        page.Url.ShouldContain("framework=nist-csf-2.0");
        await BrowserApp.Look(page, "04b-nist-csf");
        await page.GetByRole(AriaRole.Link, new() { Name = "RC.RP", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/catalogue/nist-csf-2.0/RC.RP$"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("What NIST says");
        await BrowserApp.Look(page, "04c-nist-category");
        await page.GetByRole(AriaRole.Link, new() { Name = "A.5.29", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/catalogue/iso27001-2022/A.5.29$"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Information security during disruption");

        // Write the scope statement, add an exclusion, approve.
        await page.GetByRole(AriaRole.Link, new() { Name = "Scope" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/scope$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the scope statement" }).ClickAsync();
        await page.GetByLabel("Scope statement").FillAsync("The ISMS covers the development and operation of the Northwind analytics platform <script>alert(1)</script>, run from the Leeds office.");
        await page.GetByLabel("Not relevant").CheckAsync();
        await page.GetByLabel("Why (or why not)").FillAsync("Cloud hosting in two regions; no site of ours is exposed to flood or heat risk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/scope(\\?.*)?$"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("<script>alert(1)</script>");
        // Approving asks once, like the methodology and the SoA.
        string? asked = null;
        page.Dialog += (_, dialog) =>
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve scope" }).ClickAsync();
        await page.Locator(".approval").WaitForAsync();
        asked.ShouldNotBeNull().ShouldContain("Approve scope version 1?");
        (await page.Locator(".approval").InnerTextAsync()).ShouldContain("Grace Owner");
        await BrowserApp.Look(page, "05-scope-approved");

        // The administrator adds a Viewer.
        await page.GotoAsync("/settings/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Vic Viewer");
        await page.GetByLabel("Email address").FillAsync("vic@northwind.example");
        await page.GetByLabel("Initial password").FillAsync(ViewerPassword);
        await page.Locator("input[name='Input.Roles'][value='Viewer']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/settings/users(\\?.*)?$"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("vic@northwind.example");
        await BrowserApp.Look(page, "06-users");

        await SignOut(page);

        // The Viewer's first sign-in: the administrator chose the password, so every page leads to choosing one's own.
        await SignIn(page, "vic@northwind.example", ViewerPassword);
        await page.GotoAsync("/scope");
        await page.WaitForURLAsync(new Regex("/account\\?required=password$"));
        (await page.Locator("#choose-password").InnerTextAsync()).ShouldContain("Choose your own");
        await BrowserApp.Look(page, "06a-first-password");
        await page.GetByLabel("Current password").FillAsync(ViewerPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(ViewerPassword + "-own");
        await page.GetByLabel("Confirm new password").FillAsync(ViewerPassword + "-own");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account\\?done=password$"));

        // The Viewer reads the approved scope but has no way to change it, and is refused the edit page.
        await page.GotoAsync("/scope");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Northwind analytics platform");
        (await page.Locator("main button[type=submit]").CountAsync()).ShouldBe(0);
        (await page.Locator("main a[href='/scope/edit']").CountAsync()).ShouldBe(0);
        (await page.Locator("nav.sidenav").InnerTextAsync()).ShouldNotContain("Users");
        var refused = await page.GotoAsync("/scope/edit");
        refused!.Status.ShouldBe(403);
        await BrowserApp.Look(page, "07-viewer-refused");

        await SignOut(page);
        await page.GotoAsync("/scope");
        await page.WaitForURLAsync(new Regex("/account/login"));

        errors.ShouldBeEmpty();
    }

    private static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
    }

    private static async Task SignOut(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Wait for the signed-out page itself (the sign-out form gone), not for a navigation event: under hx-boost the
        // page may already be at "/" and swap its body without a new load.
        await page.Locator("form[action='/account/logout']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        page.Url.ShouldMatch("/account/login|/$");
        (await page.Locator(".topbar").InnerTextAsync()).ShouldNotContain("Sign out");
    }

    // Playwright's own waiting assertion: retries until the htmx swap has landed, fails with what it saw.
    private static Task Expect(ILocator rows, int count) =>
        Assertions.Expect(rows).ToHaveCountAsync(count, new() { Timeout = 15_000 });
}
