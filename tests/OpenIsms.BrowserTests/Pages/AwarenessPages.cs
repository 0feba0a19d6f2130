using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>Do → Awareness & training: the dashboard of completion rates per training and department.</summary>
public sealed class AwarenessPage(IPage page) : AppPage(page)
{
    public ILocator Overdue => Page.Locator("#overdue");

    public static async Task<AwarenessPage> Open(IPage page)
    {
        await page.GotoAsync("/training");
        return await Arrived(new AwarenessPage(page), new Regex("/training$"));
    }

    /// <summary>The rate cell of a department under a training (by its reference, such as TRN-001).</summary>
    public ILocator DepartmentRate(string reference, string department) =>
        Page.Locator($"#rate-{reference} tr[data-department='{department}'] .rate-cell");

    public async Task<TrainingPage> AddQuiz(string title, string description, int validityMonths, int passMark)
    {
        await Link("Add a training").ClickAsync();
        await Arrived(this, new Regex("/training/new$"));
        await Page.GetByLabel("Title").FillAsync(title);
        await Page.GetByLabel("Description (optional)").FillAsync(description);
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Quiz" }).CheckAsync();
        await Page.GetByLabel("Valid for (months)").FillAsync(validityMonths.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Pass mark (%, for a quiz)").FillAsync(passMark.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserApp.Look(Page, "60-training-new");
        await Button("Add training").ClickAsync();
        return await Arrived(new TrainingPage(Page), new Regex("/training/[0-9a-f-]+\\?done=added"));
    }
}

/// <summary>One training: its details, questions, assignments and people.</summary>
public sealed class TrainingPage(IPage page) : AppPage(page)
{
    public ILocator Questions => Page.Locator("#questions");

    public ILocator Assignments => Page.Locator("#assignments");

    public async Task<TrainingPage> AddQuestion(string text, string[] options, int right)
    {
        await Link("Add a question").ClickAsync();
        await Arrived(this, new Regex("/questions/new$"));
        await Page.GetByLabel("Question").FillAsync(text);
        await Page.GetByLabel("Options").FillAsync(string.Join('\n', options));
        await Page.GetByLabel("The right option's number").FillAsync(right.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Button("Add question").ClickAsync();
        return await Arrived(this, new Regex("/training/[0-9a-f-]+\\?done=added"));
    }

    public async Task<TrainingPage> AssignToDepartment(string department, DateOnly due)
    {
        await Link("Assign", exact: true).ClickAsync();
        await Arrived(this, new Regex("/assign$"));
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Department" }).CheckAsync();
        await Page.GetByLabel("Department (for a department)").SelectOptionAsync(department);
        await Page.GetByLabel("Complete by").FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserApp.Look(Page, "61-training-assign");
        await Button("Assign the training").ClickAsync();
        return await Arrived(this, new Regex("/assignments/[0-9a-f-]+\\?done=assigned"));
    }
}

/// <summary>My training and the quiz, as the person asked sees them.</summary>
public sealed class MyTrainingPage(IPage page) : AppPage(page)
{
    public ILocator Result => Page.Locator("#quiz-result");

    public static async Task<MyTrainingPage> FromMyWork(IPage page, string title)
    {
        await page.GotoAsync("/");
        await page.Locator("#training-work").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(title)) }).ClickAsync();
        return await Arrived(new MyTrainingPage(page), new Regex("/training/mine/[0-9a-f-]+/quiz$"));
    }

    /// <summary>Chooses one option (by its text) for each question, then sends the answers.</summary>
    public async Task<MyTrainingPage> Answer(params string[] options)
    {
        foreach (var option in options)
        {
            await Page.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();
        }

        await BrowserApp.Look(Page, "63-quiz");
        await Button("Send my answers").ClickAsync();
        await Expect(Result).ToBeVisibleAsync();
        return this;
    }

    private static Microsoft.Playwright.ILocatorAssertions Expect(ILocator locator) => Microsoft.Playwright.Assertions.Expect(locator);
}
