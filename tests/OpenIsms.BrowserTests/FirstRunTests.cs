using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>The foundation's main path, as a person does it in Chromium.</summary>
public sealed class FirstRunTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Iso = "iso27001-2022";
    private const string Nist = "nist-csf-2.0";
    private const string ViewerPassword = "viewer-pass-2026";

    // Read as a person reads the page: hidden text does not count.
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Grace = new("Northwind Analytics Ltd", "Grace Owner", "grace@northwind.example", "first-admin-2026");

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
        var setup = await SetupPage.OpenAsNewVisitor(page);
        await setup.Look("01-setup");

        // A mismatched confirmation is shown beside the field and keeps what was typed.
        await setup.CreateAdministratorMistyped(Grace, "something-else-1");
        await Expect(setup.ErrorMessages.Filter(new() { HasText = "do not match" }).First).ToBeVisibleAsync();
        await Expect(setup.OrganisationName).ToHaveValueAsync(Grace.Organisation);

        var work = await setup.CreateAdministrator(Grace);
        await Expect(work.TopBar).ToContainTextAsync(Grace.Organisation, Shown);
        await work.Look("02-my-work");

        // The set-up page is gone once a user exists.
        (await page.GotoAsync("/setup"))!.Status.ShouldBe(404);
        work = await MyWorkPage.Open(page);

        // Browse the catalogue: filter by theme (htmx swaps the results) and search.
        var catalogue = await work.OpenCatalogue();
        await catalogue.Filter("Theme", "People");
        await Expect(catalogue.Results).ToHaveCountAsync(8);
        await catalogue.Search("screening");
        await Expect(catalogue.Results).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new Regex("theme=People"));
        await Expect(page).ToHaveURLAsync(new Regex("q=screening"));
        await catalogue.Look("03-catalogue");
        var requirement = await catalogue.OpenFirstResult();
        await Expect(requirement.Main).ToContainTextAsync("Screening", Shown);
        await requirement.Look("04-requirement");

        // A second framework, from NIST's OSCAL catalog: back to the catalogue by the breadcrumb, switch to it, filter by
        // function and level, follow a mapping back.
        catalogue = await requirement.BackToCatalogue("ISO/IEC 27001:2022", Iso);
        catalogue = await catalogue.SwitchTo("NIST Cybersecurity Framework 2.0", Nist);
        await catalogue.Filter("Function", "RECOVER");
        await catalogue.Filter("Show", "categories");
        await Expect(catalogue.Results).ToHaveCountAsync(2);
        await Expect(page).ToHaveURLAsync(new Regex("framework=nist-csf-2.0"));
        await catalogue.Look("04b-nist-csf");
        requirement = await catalogue.OpenRequirement(Nist, "RC.RP");
        await Expect(requirement.Main).ToContainTextAsync("What NIST says", Shown);
        await requirement.Look("04c-nist-category");
        requirement = await requirement.FollowMapping(Iso, "A.5.29");
        await Expect(requirement.Main).ToContainTextAsync("Information security during disruption", Shown);

        // Write the scope statement, add an exclusion, approve.
        var scope = await requirement.OpenScope();
        scope = await scope.WriteStatement(
            "The ISMS covers the development and operation of the Northwind analytics platform <script>alert(1)</script>, run from the Leeds office.",
            "Cloud hosting in two regions; no site of ours is exposed to flood or heat risk.");
        await Expect(scope.Main).ToContainTextAsync("<script>alert(1)</script>", Shown);

        // Approving asks once, like the methodology and the SoA.
        var asked = await scope.Approve();
        asked.ShouldNotBeNull().ShouldContain("Approve scope version 1?");
        await Expect(scope.Approval).ToContainTextAsync(Grace.Name, Shown);
        await scope.Look("05-scope-approved");

        // The administrator adds a Viewer.
        var users = await UsersPage.Open(page);
        users = await users.AddUser("Vic Viewer", "vic@northwind.example", ViewerPassword, "Viewer");
        await Expect(users.Main).ToContainTextAsync("vic@northwind.example", Shown);
        await users.Look("06-users");

        await users.SignOut();

        // The Viewer's first sign-in: the administrator chose the password, so every page leads to choosing one's own.
        await (await SignInPage.Open(page)).SignIn("vic@northwind.example", ViewerPassword);
        var account = await AccountPage.RequiredBefore(page, "/scope");
        await Expect(account.ChoosePasswordNotice).ToContainTextAsync("Choose your own", Shown);
        await account.Look("06a-first-password");
        account = await account.ChangePassword(ViewerPassword, ViewerPassword + "-own");

        // The Viewer reads the approved scope but has no way to change it, and is refused the edit page.
        scope = await ScopePage.Open(page);
        await Expect(scope.Main).ToContainTextAsync("Northwind analytics platform", Shown);
        await Expect(scope.SubmitButtons).ToHaveCountAsync(0);
        await Expect(scope.EditLinks).ToHaveCountAsync(0);
        await Expect(scope.Menu).Not.ToContainTextAsync("Users", Shown);
        var refused = await page.GotoAsync("/scope/edit");
        refused!.Status.ShouldBe(403);
        await scope.Look("07-viewer-refused");

        await scope.SignOut();
        await SignInPage.AskedFor(page, "/scope");

        errors.ShouldBeEmpty();
    }
}
