using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenIsms.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Awareness in Chromium: the ISMS manager writes an annual awareness quiz and assigns it to a department → the dashboard
/// shows 0% for that department → a person of the department, whose account is linked to their staff record, signs in,
/// finds it on My work and passes the quiz → the department's rate moves.
/// </summary>
public sealed class AwarenessJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string QuinnPassword = "quinn-first-pass-2026";

    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { UseInnerText = true };

    private static readonly Administrator Maya = new("Contoso Logistics", "Maya Manager", "maya@contoso.example", "maya-password-2026");

    [Fact]
    public async Task AQuizAssignedToFinance_IsPassedByAPersonOfFinance_AndTheDashboardMoves()
    {
        var page = await app.NewPage();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        var work = await (await SetupPage.Open(page)).CreateAdministrator(Maya);
        await (await UsersPage.Open(page)).AddUser("Quinn Finance", "quinn@contoso.example", QuinnPassword, "Viewer");
        await (await PeoplePage.Open(work)).Import("staff.csv",
            "Name,Email,Department\nQuinn Finance,quinn@contoso.example,Finance\nFrank Finance,frank@contoso.example,Finance\nSue Sales,sue@contoso.example,Sales\n", rows: 3);

        // Maya writes the quiz: two questions, an 80% pass mark, renewed every 12 months; then assigns it to Finance.
        var dashboard = await AwarenessPage.Open(page);
        var training = await dashboard.AddQuiz("Annual security awareness", "Ten minutes on phishing, passwords and reporting incidents.", 12, 80);
        await Expect(training.Heading).ToContainTextAsync("TRN-001", Shown);
        training = await training.AddQuestion("A mail asks you to confirm your password. What do you do?",
            ["Reply with the password", "Report it to the service desk", "Forward it to a colleague"], 2);
        training = await training.AddQuestion("Where may customer data be stored?", ["On a personal USB stick", "In the approved systems only"], 2);
        await Expect(training.Questions).ToContainTextAsync("right answer", Shown);
        await training.Look("62-training");
        await training.AssignToDepartment("Finance", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));
        dashboard = await AwarenessPage.Open(page);
        await Expect(dashboard.DepartmentRate("TRN-001", "Finance")).ToHaveTextAsync("0%");
        await dashboard.Look("64-awareness-before");
        await dashboard.SignOut();

        // Quinn signs in (choosing her own password first), finds the quiz on My work and passes it.
        await (await SignInPage.Open(page)).SignIn("quinn@contoso.example", QuinnPassword);
        await (await AccountPage.RequiredBefore(page, "/")).ChangePassword(QuinnPassword, QuinnPassword + "-own");
        var mine = await MyWorkPage.Open(page);
        await Expect(page.Locator("#training-work")).ToContainTextAsync("Annual security awareness", Shown);
        await mine.Look("65-my-work-training");
        var quiz = await MyTrainingPage.FromMyWork(page, "Annual security awareness");
        quiz = await quiz.Answer("Report it to the service desk", "In the approved systems only");
        await Expect(quiz.Result).ToContainTextAsync("Passed: you scored 100%", Shown);
        await quiz.Look("66-quiz-passed");
        await page.GotoAsync("/training/mine");
        await Expect(page.Locator("main")).ToContainTextAsync("due again", Shown);
        await BrowserApp.Look(page, "66b-my-training");
        await quiz.SignOut();

        // Maya sees Finance move from 0% to 50% (one of its two people in date).
        await (await SignInPage.Open(page)).SignIn(Maya.Email, Maya.Password);
        dashboard = await AwarenessPage.Open(page);
        await Expect(dashboard.DepartmentRate("TRN-001", "Finance")).ToHaveTextAsync("50%");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Awareness & training" })).ToBeVisibleAsync();
        await dashboard.Look("67-awareness-after");

        errors.ShouldBeEmpty();
    }
}
