using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Issue 12's main path in Chromium: write a policy → submit it → a second approver approves → a campaign to a
/// department → a person without an account acknowledges from the mail read out of the real SMTP server → the campaign
/// shows 1 of N → the owner records "reviewed, no change".
/// </summary>
public sealed partial class PolicyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Policy = "Information security policy";
    private const string MiaPassword = "mia-first-pass-2026";

    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Paula = new("Fabrikam Health", "Paula Admin", "paula@fabrikam.example", "paula-password-2026");

    [Fact]
    public async Task WriteSubmitApprove_AskADepartment_AcknowledgeFromTheMail_Review()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        var work = await (await SetupPage.Open(page)).CreateAdministrator(Paula);
        await (await UsersPage.Open(page)).AddUser("Mia Manager", "mia@fabrikam.example", MiaPassword, "ISMS manager");
        var ola = $"ola-{Guid.NewGuid():N}@fabrikam.example";
        await (await PeoplePage.Open(work)).Import("staff.csv",
            $"Name,Email,Department\nOla Operator,{ola},Operations\nOtto Operator,otto-{Guid.NewGuid():N}@fabrikam.example,Operations\nSid Sales,sid-{Guid.NewGuid():N}@fabrikam.example,Sales\n", rows: 3);

        // Paula writes the policy in Markdown, with the preview beside it, and submits it to Mia.
        var document = await DocumentPage.Add(work, Policy, Policy, "Paula Admin");
        await Expect(document.Heading).ToContainTextAsync("POL-001", Shown);
        document = await document.WriteDraft("# Our commitment\n\nManagement commits to protecting the information entrusted to Fabrikam.\n\n- Risks are assessed every year\n- Everyone reports incidents\n", "Our commitment");
        document = await document.Submit("Mia Manager");
        await Expect(document.Main).ToContainTextAsync("Waiting", Shown);
        await document.SignOut();

        // Mia signs in (choosing her own password first), finds the approval on her work, reads and approves.
        await (await SignInPage.Open(page)).SignIn("mia@fabrikam.example", MiaPassword);
        await (await AccountPage.RequiredBefore(page, "/")).ChangePassword(MiaPassword, MiaPassword + "-own");
        var mine = await MyWorkPage.Open(page);
        await page.Locator("#document-work").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("POL-001") }).ClickAsync();
        var version = new DocumentPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/documents/[0-9a-f-]+/versions/[0-9a-f-]+$"));
        var versionPath = version.Path;
        await Expect(version.Main).ToContainTextAsync("Management commits to protecting", Shown);
        await version.Look("43-document-approve");
        version = await version.Approve("0.1");
        await Expect(version.Notice).ToContainTextAsync("now in force", Shown);
        await version.SignOut();

        // Paula asks Operations to acknowledge version 0.1.
        await (await SignInPage.Open(page)).SignIn(Paula.Email, Paula.Password);
        await page.GotoAsync("/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "POL-001" }).ClickAsync();
        document = new DocumentPage(page);
        await Expect(document.Main).ToContainTextAsync("Version 0.1 in force", Shown);
        var campaign = await document.AskDepartment("0.1", "Operations");
        await Expect(campaign.Progress).ToContainTextAsync("0 of 2", Shown);
        var campaignPath = campaign.Path;

        // Ola has no account: she opens the personal link from the mail the SMTP server received, in a browser of her own.
        var link = await MailedLink(ola);
        var olasBrowser = await app.NewPage();
        await olasBrowser.GotoAsync(link);
        await Expect(olasBrowser.Locator("main")).ToContainTextAsync("Management commits to protecting", Shown);
        await Expect(olasBrowser.Locator("nav.sidenav")).ToHaveCountAsync(0);
        await BrowserApp.Look(olasBrowser, "45-acknowledge-link");
        await olasBrowser.GetByRole(AriaRole.Button, new() { Name = "I have read and understood version 0.1" }).ClickAsync();
        await Expect(olasBrowser.Locator("#acknowledged")).ToContainTextAsync("Thank you", Shown);
        await BrowserApp.Look(olasBrowser, "46-acknowledged");

        // The campaign shows 1 of 2, and its record downloads as a person clicks it.
        await page.GotoAsync(campaignPath);
        await Expect(campaign.Progress).ToContainTextAsync("1 of 2", Shown);
        await Expect(page.Locator("main tbody")).ToContainTextAsync("personal link", Shown);
        await campaign.Look("47-campaign");
        (await Downloads.ClickEvery(page, [(campaignPath, "Ola Operator"), (versionPath, "Management commits to protecting")])).ShouldBe(4);

        // The owner reads it again and records "reviewed, no change": no new version, the next review moves.
        await page.GotoAsync("/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "POL-001" }).ClickAsync();
        document = await new DocumentPage(page).ReviewedNoChange("Read again; still accurate");
        await Expect(document.Reviews).ToContainTextAsync("Read again; still accurate", Shown);
        await Expect(document.Reviews).ToContainTextAsync("Paula Admin", Shown);
        await document.Look("48-document-reviewed");

        errors.ShouldBeEmpty();
    }

    /// <summary>The acknowledgement link in the mail the test SMTP server (maildev, started by test.sh) received for the address.</summary>
    private static async Task<string> MailedLink(string address)
    {
        var api = Environment.GetEnvironmentVariable("OPENISMS_TEST_MAILDEV") is { Length: > 0 } web ? web.TrimEnd('/')
            : throw new InvalidOperationException("OPENISMS_TEST_MAILDEV is not set. Run the tests with ./test.sh, which starts maildev.");
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            var mails = await http.GetFromJsonAsync<List<Mail>>($"{api}/api/email?to.address={Uri.EscapeDataString(address)}") ?? [];
            if (mails.FirstOrDefault() is { Text: { } text } && AckLink().Match(text) is { Success: true } found)
            {
                return found.Value;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No acknowledgement mail reached {address}.");
    }

    private sealed record Mail(string Subject, string? Text);

    [GeneratedRegex(@"https?://\S+/ack/[A-Za-z0-9_-]+")]
    private static partial Regex AckLink();
}
