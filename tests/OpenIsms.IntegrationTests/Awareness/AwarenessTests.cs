using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Awareness;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Reminders;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Notifications;
using static OpenIsms.IntegrationTests.Infrastructure.TestMailServer;

namespace OpenIsms.IntegrationTests.Awareness;

/// <summary>
/// Awareness as the ISMS manager and staff use it: a quiz written and assigned to a department through the forms, taken
/// by a signed-in person whose staff record is linked to their account, attendance recorded by the trainer, completions
/// through the API — every bad input refused beside its field — and reminders delivered to the real SMTP server.
/// </summary>
public abstract class AwarenessTests(AppFactory app)
{
    private const string Password = "awareness-pass-2026-x";

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> work) => app.InScope(sp => work(sp.GetRequiredService<OpenIsmsDbContext>()));

    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>A person on the staff list, with an account of their own (role Viewer: only "self" is needed) when an e-mail is given and account is true.</summary>
    private async Task<Guid> Person(string name, string? department, string? email = null, bool account = false, DateOnly? left = null) =>
        await app.InScope(async sp =>
        {
            string? userId = null;
            if (account)
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var user = new AppUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
                (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, Roles.Viewer)).Succeeded.ShouldBeTrue();
                userId = user.Id;
            }

            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            var p = new Person();
            p.Update(new SavePerson.Command { Name = name, Email = email, Department = department, LeavingDate = left }).Succeeded.ShouldBeTrue();
            p.LinkAccount(userId);
            db.Add(p);
            (await db.SaveAsync()).Succeeded.ShouldBeTrue();
            return p.Id;
        });

    private static string NewDepartment(string label) => $"{label} {Guid.NewGuid():N}"[..24];

    /// <summary>Adds a training on the form; returns its id.</summary>
    private async Task<Guid> AddTraining(TestClient manager, string title, string kind, string? validity = "12", string? passMark = "50")
    {
        var added = await manager.SubmitAt("/training/new", "#training-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = title, ["Input.Kind"] = kind, ["Input.ValidityMonths"] = validity ?? "", ["Input.PassMark"] = passMark ?? "",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await TestClient.Parse(added)).QuerySelector(".error-summary")?.TextContent);
        var id = Guid.Parse(added.LocationPath().Split('/')[2].Split('?')[0]);
        (await Db(db => db.Set<Training>().Where(t => t.Id == id).Select(t => t.Reference).SingleAsync())).ShouldStartWith("TRN-");
        return id;
    }

    private async Task Assign(TestClient manager, Guid trainingId, string department, string? onboarding = null)
    {
        var assigned = await manager.SubmitAt($"/training/{trainingId}/assign", "#assign-form", new Dictionary<string, string?>
        {
            ["Input.Audience"] = "Department", ["Input.Department"] = department, ["Input.FirstDueDate"] = Today(14), ["Input.OnboardingDays"] = onboarding ?? "",
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await TestClient.Parse(assigned)).QuerySelector(".error-summary")?.TextContent);
        assigned.LocationPath().ShouldContain("done=assigned");
    }

    private static string DepartmentRate(AngleSharp.Dom.IDocument dashboard, string department) =>
        dashboard.QuerySelector($"tr[data-department='{department}'] .rate-cell")!.TextContent.Trim();

    [Fact]
    public async Task AQuizAssignedToADepartment_IsTakenByALinkedPerson_OnceForEachAttempt_AndTheDepartmentsRateMoves()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var department = NewDepartment("Finance");
        var email = NewAddress("quinn");
        await Person("Quinn Quiz", department, email, account: true);
        await Person("Rita Room", department);
        var title = $"Annual awareness {Guid.NewGuid():N}";
        var id = await AddTraining(manager, title, "Quiz");

        // The quiz's questions, one per form; a question with one option is refused beside its field.
        var oneOption = await TestClient.Parse(await manager.SubmitAt($"/training/{id}/questions/new", "#question-form",
            new Dictionary<string, string?> { ["Input.Text"] = "Is phishing bad?", ["Input.Options"] = "Yes", ["Input.Correct"] = "1" }));
        oneOption.QuerySelector("#f-Options")!.Closest(".field")!.TextContent.ShouldContain("Enter 2 to 6 options");
        // Assigning a quiz without questions is refused.
        var empty = await TestClient.Parse(await manager.SubmitAt($"/training/{id}/assign", "#assign-form", new Dictionary<string, string?>
        {
            ["Input.Audience"] = "Department", ["Input.Department"] = department, ["Input.FirstDueDate"] = Today(14),
        }));
        empty.QuerySelector(".error-summary")!.TextContent.ShouldContain("Add at least one question");
        foreach (var (text, options, correct) in new[] { ("A mail asks for your password. What do you do?", "Reply with it\nReport it to IT\nIgnore it", "2"), ("Where do you store customer data?", "On a USB stick\nIn the approved system", "2") })
        {
            (await manager.SubmitAt($"/training/{id}/questions/new", "#question-form", new Dictionary<string, string?> { ["Input.Text"] = text, ["Input.Options"] = options, ["Input.Correct"] = correct }))
                .LocationPath().ShouldContain("done=added");
        }

        // A due date in the past is refused; the department is assigned.
        var past = await TestClient.Parse(await manager.SubmitAt($"/training/{id}/assign", "#assign-form", new Dictionary<string, string?>
        {
            ["Input.Audience"] = "Department", ["Input.Department"] = department, ["Input.FirstDueDate"] = "2020-01-01",
        }));
        past.QuerySelector("#f-FirstDueDate")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the past");
        await Assign(manager, id, department);
        DepartmentRate(await manager.Page($"/training?training={id}"), department).ShouldBe("0%");

        // Quinn signs in: the training is on My work, with a link to the quiz.
        using var quinn = app.NewClient();
        await quinn.SignIn(email, Password);
        var work = await quinn.Page("/");
        var link = work.QuerySelectorAll("#training-work a").Single(a => a.TextContent.Contains(title));
        link.GetAttribute("href").ShouldBe($"/training/mine/{id}/quiz");
        var questions = await Db(db => db.Set<TrainingQuestion>().AsNoTracking().Where(q => q.TrainingId == id).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());

        // An unanswered question is named beside it; nothing is recorded.
        var quiz = await quinn.Page(link.GetAttribute("href")!);
        quiz.QuerySelector("#quiz-form")!.TextContent.ShouldNotContain("right answer");
        var unanswered = await TestClient.Parse(await quinn.Submit(quiz, "#quiz-form", new Dictionary<string, string?> { [$"Input.Answers[{questions[0]}]"] = "2" }));
        unanswered.QuerySelector($"#f-{SubmitQuiz.FieldOf(questions[1])}")!.TextContent.ShouldContain("Answer question 2");
        (await Db(db => db.Set<TrainingCompletion>().CountAsync(c => c.TrainingId == id))).ShouldBe(0);

        // A failed attempt is recorded but does not count; the wrong answers are marked, the right ones not revealed.
        var failed = await TestClient.Parse(await quinn.Submit(quiz, "#quiz-form", new Dictionary<string, string?>
        {
            [$"Input.Answers[{questions[0]}]"] = "1", [$"Input.Answers[{questions[1]}]"] = "1",
        }));
        failed.QuerySelector("#quiz-result")!.TextContent.ShouldContain("Not passed yet: you scored 0%");
        failed.QuerySelector("main")!.TextContent.ShouldNotContain("Report it to IT");
        DepartmentRate(await manager.Page($"/training?training={id}"), department).ShouldBe("0%");

        // The same form posted again: "already recorded", nothing changes.
        var twice = await TestClient.Parse(await quinn.Submit(quiz, "#quiz-form", new Dictionary<string, string?>
        {
            [$"Input.Answers[{questions[0]}]"] = "2", [$"Input.Answers[{questions[1]}]"] = "2",
        }));
        twice.QuerySelector(".error-summary")!.TextContent.ShouldContain("These answers were already recorded on");
        (await Db(db => db.Set<TrainingCompletion>().CountAsync(c => c.TrainingId == id))).ShouldBe(1);

        // A new attempt (a fresh form) passes with one wrong answer: 50%, the pass mark; the right answer is shown now.
        var passed = await TestClient.Parse(await quinn.Submit(await quinn.Page($"/training/mine/{id}/quiz"), "#quiz-form", new Dictionary<string, string?>
        {
            [$"Input.Answers[{questions[0]}]"] = "1", [$"Input.Answers[{questions[1]}]"] = "2",
        }));
        passed.QuerySelector("#quiz-result")!.TextContent.ShouldContain("Passed: you scored 50%");
        passed.QuerySelector("main")!.TextContent.ShouldContain("Report it to IT");
        var attempts = await Db(db => db.Set<TrainingCompletion>().AsNoTracking().Where(c => c.TrainingId == id).OrderBy(c => c.CreatedAt).ToListAsync());
        attempts.Select(a => (a.Score, a.Passed, a.Method)).ShouldBe([(0, false, CompletionMethod.Quiz), (50, true, CompletionMethod.Quiz)]);
        attempts[1].RecordedBy.ShouldBe("Quinn Quiz");
        var dashboard = await manager.Page($"/training?training={id}&department={Uri.EscapeDataString(department)}");
        DepartmentRate(dashboard, department).ShouldBe("50%");
        dashboard.QuerySelector("#overdue")!.TextContent.ShouldContain("Nobody is overdue");
        var mine = await quinn.Page("/training/mine");
        mine.QuerySelector("main")!.TextContent.ShouldContain("due again");

        // Someone else's quiz is not there for them.
        using var auditor = await app.SignedIn(Roles.Auditor);
        (await auditor.Get($"/training/mine/{id}/quiz")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Attendance_IsRecordedForTheAudience_AndRefusesTheFuture_Outsiders_AndLeavers()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var department = NewDepartment("Support");
        var sam = await Person("Sam Session", department);
        var tia = await Person("Tia Session", department);
        var outsider = await Person("Otto Outside", NewDepartment("Elsewhere"));
        var leaver = await Person("Lea Left", department, left: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var id = await AddTraining(manager, $"Clean desk briefing {Guid.NewGuid():N}", "Briefing", validity: null);
        await Assign(manager, id, department);
        var form = await manager.Page($"/training/{id}/attendance");
        form.QuerySelector("#f-PersonIds")!.TextContent.ShouldContain("Sam Session");
        form.QuerySelector("#f-PersonIds")!.TextContent.ShouldNotContain("Lea Left");

        async Task<AngleSharp.Dom.IDocument> Post(string date, params Guid[] people) => await TestClient.Parse(await manager.Submit(form, "#attendance-form",
            [new("Input.CompletedOn", date), .. people.Select(p => new KeyValuePair<string, string?>("Input.PersonIds", p.ToString()))]));

        (await Post(Today(1), sam)).QuerySelector("#f-CompletedOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the future");
        (await Post(Today(), sam, outsider)).QuerySelector("#f-PersonIds")!.Closest(".field")!.TextContent.ShouldContain("Otto Outside is not in the audience");
        (await Post(Today(), leaver)).QuerySelector("#f-PersonIds")!.Closest(".field")!.TextContent.ShouldContain("Lea Left left on");
        (await Db(db => db.Set<TrainingCompletion>().CountAsync(c => c.TrainingId == id))).ShouldBe(0);

        var recorded = await manager.Submit(form, "#attendance-form", [new("Input.CompletedOn", Today(-1)), new("Input.PersonIds", sam.ToString()), new("Input.PersonIds", tia.ToString())]);
        recorded.LocationPath().ShouldContain("done=recorded");
        var completions = await Db(db => db.Set<TrainingCompletion>().AsNoTracking().Where(c => c.TrainingId == id).ToListAsync());
        completions.Count.ShouldBe(2);
        completions.ShouldAllBe(c => c.Method == CompletionMethod.Attendance && c.Passed && c.RecordedBy == "ISMS manager user");
        var page = await manager.Page($"/training/{id}");
        page.QuerySelector("#training-rate")!.TextContent.ShouldContain("100%");
        page.QuerySelector("main")!.TextContent.ShouldContain("not again");
    }

    [Fact]
    public async Task TheApi_ListsAssignsAndRecords_WithTheSameRules_AsProblemDetails()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var department = NewDepartment("Ops");
        var ann = NewAddress("ann");
        var annId = await Person("Ann Api", department, ann);
        await Person("Ozzy Outside", NewDepartment("Other"), NewAddress("ozzy"));
        var id = await AddTraining(manager, $"Secure coding course {Guid.NewGuid():N}", "Course");

        var assigned = await api.PostAsJsonAsync($"/api/v1/trainings/{id}/assignments", new { audience = "Department", department, firstDueDate = Today(30) });
        assigned.StatusCode.ShouldBe(HttpStatusCode.Created, await assigned.Content.ReadAsStringAsync());
        var rows = await api.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/v1/trainings/{id}/assignments");
        rows!.Single().GetProperty("inAudience").GetInt32().ShouldBe(1);
        (await api.GetStringAsync("/api/v1/trainings")).ShouldContain(id.ToString());

        var future = await api.PostAsJsonAsync($"/api/v1/trainings/{id}/completions", new { email = ann, completedOn = Today(2) });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        future.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await future.Content.ReadAsStringAsync()).ShouldContain("cannot be in the future");
        var outside = await api.PostAsJsonAsync($"/api/v1/trainings/{id}/completions", new { email = (await Db(db => db.Set<Person>().Where(p => p.Name == "Ozzy Outside").Select(p => p.Email).FirstAsync())), completedOn = Today() });
        (await outside.Content.ReadAsStringAsync()).ShouldContain("Ozzy Outside is not in the audience");
        var nobody = await api.PostAsJsonAsync($"/api/v1/trainings/{id}/completions", new { email = NewAddress("nobody"), completedOn = Today() });
        (await nobody.Content.ReadAsStringAsync()).ShouldContain("Nobody on the staff list has the e-mail address");

        var ok = await api.PostAsJsonAsync($"/api/v1/trainings/{id}/completions", new { personId = annId, completedOn = Today(), method = "Attendance" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var listed = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/trainings/{id}/completions?page=1&pageSize=25");
        listed.GetProperty("totalCount").GetInt32().ShouldBe(1);
        listed.GetProperty("items")[0].GetProperty("personName").GetString().ShouldBe("Ann Api");

        // A reader may list but not record.
        using var auditorApi = await app.ApiClient(Roles.Auditor);
        (await auditorApi.GetAsync($"/api/v1/trainings/{id}/completions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditorApi.PostAsJsonAsync($"/api/v1/trainings/{id}/completions", new { personId = annId, completedOn = Today() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reminders_ReachTheOverduePeople_OnceADay_AndTheDigestListsTheirTraining()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var department = NewDepartment("Sales");
        var vera = NewAddress("vera");
        var walt = NewAddress("walt");
        await Person("Vera Overdue", department, vera, account: true);
        await Person("Walt Overdue", department, walt);
        await Person("Xena Nomail", department);
        var title = $"Data protection reading {Guid.NewGuid():N}";
        var id = await AddTraining(manager, title, "Course");
        await Assign(manager, id, department);
        var assignment = await Db(db => db.Set<TrainingAssignment>().Where(a => a.TrainingId == id).Select(a => a.Id).SingleAsync());
        // The first due date passed (a date in the past cannot be chosen on the form).
        await Db(db => db.Set<TrainingAssignment>().Where(a => a.Id == assignment).ExecuteUpdateAsync(s => s.SetProperty(a => a.FirstDueDate, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5))));

        var page = await manager.Page($"/training/{id}/assignments/{assignment}");
        page.QuerySelector("#remind")!.TextContent.ShouldContain("Send reminders (2)");
        (await manager.Submit(page, "#remind", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=training-reminded");
        var mail = (await WaitFor(walt, subject: title)).ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("Reminder: training overdue");
        mail.Text!.ShouldContain("tell whoever organises training");
        (await WaitFor(vera, subject: title)).ShouldHaveSingleItem().Text!.ShouldContain("http://openisms.test/training/mine");

        // Again the same day: nobody is mailed twice.
        var again = await TestClient.Parse(await manager.Submit(page, "#remind", new Dictionary<string, string?>()));
        again.QuerySelector(".error-summary")!.TextContent.ShouldContain("already reminded today");
        (await manager.Page($"/training/{id}/assignments/{assignment}")).QuerySelector("#remind button")!.HasAttribute("disabled").ShouldBeTrue();
        await Task.Delay(1500);
        (await To(walt)).Count.ShouldBe(1);

        // The dashboard lists them as overdue; Vera's daily digest names the training.
        var dashboard = await manager.Page($"/training?training={id}");
        dashboard.QuerySelector("#overdue")!.TextContent.ShouldContain("Walt Overdue");
        DepartmentRate(dashboard, department).ShouldBe("0%");
        await app.InScope(sp =>
        {
            sp.GetRequiredService<Web.Infrastructure.HttpCurrentUser>().ActAs(Core.Common.SystemUser.Instance);
            return sp.GetRequiredService<SendDigests>().Handle(new SendDigests.Command
            {
                Today = DateOnly.FromDateTime(DateTime.UtcNow),
                LinkBase = "http://openisms.test",
                UnsubscribeLink = Web.Infrastructure.Unsubscribe.LinkFor(sp.GetRequiredService<IDataProtectionProvider>(), "http://openisms.test"),
            });
        });
        var digest = (await WaitFor(vera, subject: "What is due for you")).ShouldHaveSingleItem();
        digest.Text!.ShouldContain("Training to complete (1)");
        digest.Text!.ShouldContain(title);
        digest.Text!.ShouldContain("overdue since");
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Contributor)]
    public async Task RolesWithoutTrainingEdit_CannotAddOrAssign(string role)
    {
        using var client = await app.SignedIn(role);
        (await client.Get("/training/new")).LocationPath().ShouldStartWith("/account/access-denied");
        (await client.Get("/training/mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class AwarenessTestsOnSqlite(MailSqliteApp app) : AwarenessTests(app), IClassFixture<MailSqliteApp>;

public sealed class AwarenessTestsOnPostgreSql(MailPostgresApp app) : AwarenessTests(app), IClassFixture<MailPostgresApp>;
