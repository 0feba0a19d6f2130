using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

public abstract class SignInTests(AppFactory app)
{
    private static Dictionary<string, string?> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task WrongPasswordsAtSignIn_DoNotLockTheAccount_AndAnUnknownAddressGetsTheSameAnswer()
    {
        using var client = app.NewClient();
        var email = AppFactory.EmailOf(Roles.Auditor);
        var answers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var wrong = await client.SubmitAt("/account/login", "main form", Credentials(email, "wrong-password-" + i));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            answers.Add((await TestClient.Parse(wrong)).QuerySelector(".error-summary")!.TextContent);
        }

        var unknown = await client.SubmitAt("/account/login", "main form", Credentials("nobody-" + Guid.NewGuid().ToString("N") + "@example.test", "wrong-password-0"));
        answers.Add((await TestClient.Parse(unknown)).QuerySelector(".error-summary")!.TextContent);
        answers.Distinct().ShouldHaveSingleItem().ShouldContain("The email address or the password is not right");

        // Guessing from outside locked nobody out: the right password still signs in.
        using var owner = app.NewClient();
        await owner.SignIn(email, AppFactory.Password);
    }

    [Fact]
    public async Task WrongCurrentPasswords_OnTheAccountPage_LockTheAccount_AndTheLockedAnswerGivesNothingAway()
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        const string Email = "guessed@example.test";
        (await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Guessed Person", ["Input.Email"] = Email, ["Input.Password"] = AppFactory.Password, ["Input.Roles"] = Roles.Viewer,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Someone at an unlocked screen guesses the current password five times.
        using var session = app.NewClient();
        await session.SignIn(Email, AppFactory.Password);
        for (var i = 0; i < 5; i++)
        {
            var guess = await session.SubmitAt("/account?required=password", "main form", new Dictionary<string, string?>
            {
                ["Input.Current"] = "guess-" + i, ["Input.Password"] = "a-new-password-42", ["Input.ConfirmPassword"] = "a-new-password-42",
            });
            (await guess.Text()).ShouldContain("Your current password is not right.");
        }

        var right = await session.SubmitAt("/account?required=password", "main form", new Dictionary<string, string?>
        {
            ["Input.Current"] = AppFactory.Password, ["Input.Password"] = "a-new-password-42", ["Input.ConfirmPassword"] = "a-new-password-42",
        });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "even the right password is refused while locked");
        (await right.Text()).ShouldContain("locked for a while");

        // At sign-in the locked account answers exactly as an unknown address or a wrong password does.
        using var fresh = app.NewClient();
        var refused = await fresh.SubmitAt("/account/login", "main form", Credentials(Email, AppFactory.Password));
        (await TestClient.Parse(refused)).QuerySelector(".error-summary")!.TextContent.ShouldContain("The email address or the password is not right");
        (await fresh.Get("/")).LocationPath().ShouldStartWith("/account/login", customMessage: "not signed in");
        var row = (await admin.Page("/settings/users")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(Email, StringComparison.Ordinal));
        row.TextContent.ShouldContain("Locked out");
    }

    [Fact]
    public async Task ADeactivatedUser_CannotSignIn_AndTheirHistoryStays()
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        var created = await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Leaving Person", ["Input.Email"] = "leaver@example.test", ["Input.Password"] = "leaver-pass-2026", ["Input.Roles"] = Roles.Contributor,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var leaver = app.NewClient())
        {
            (await leaver.SubmitAt("/account/login", "main form", Credentials("leaver@example.test", "leaver-pass-2026"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var users = await admin.Page("/settings/users");
        var edit = users.QuerySelectorAll("a").First(a => a.TextContent.Contains("Leaving Person", StringComparison.Ordinal)).GetAttribute("href")!;
        (await admin.SubmitAt(edit, "main form", new Dictionary<string, string?> { ["Input.IsActive"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var again = app.NewClient();
        var refused = await again.SubmitAt("/account/login", "main form", Credentials("leaver@example.test", "leaver-pass-2026"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Page("/settings/users")).QuerySelector("main")!.TextContent.ShouldContain("Leaving Person");
    }

    [Fact]
    public async Task ADeactivatedUser_IsToldTheyCannotSignIn_AndCanAgainOnceReactivated()
    {
        const string Email = "paused@example.test", Secret = "paused-pass-2026";
        using var admin = await app.SignedIn(Roles.Administrator);
        (await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Paused Person", ["Input.Email"] = Email, ["Input.Password"] = Secret, ["Input.Roles"] = Roles.Viewer,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edit = (await admin.Page("/settings/users")).QuerySelectorAll("a").Single(a => a.TextContent == "Paused Person").GetAttribute("href")!;

        // The administrator unticks "Active" on the Users edit page (an unticked box posts nothing).
        var editPage = await admin.Page(edit);
        editPage.QuerySelector("input[name='Input.IsActive']")!.HasAttribute("checked").ShouldBeTrue("an active user's box starts ticked");
        var saved = await admin.Submit(editPage, "main form", new Dictionary<string, string?> { ["Input.IsActive"] = null });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await admin.Page("/settings/users")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(Email, StringComparison.Ordinal));
        row.TextContent.ShouldContain("Deactivated");

        using (var paused = app.NewClient())
        {
            var refused = await paused.SubmitAt("/account/login", "main form", Credentials(Email, Secret));
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Text()).ShouldContain("This account cannot sign in. Ask an administrator.");
            (await paused.Get("/")).LocationPath().ShouldStartWith("/account/login");

            // With a wrong password the answer is the usual one: it must not reveal that a deactivated account exists.
            var guessed = await paused.SubmitAt("/account/login", "main form", Credentials(Email, "not-the-password-1"));
            var text = await guessed.Text();
            text.ShouldContain("The email address or the password is not right");
            text.ShouldNotContain("cannot sign in");
        }

        (await admin.SubmitAt(edit, "main form", new Dictionary<string, string?> { ["Input.IsActive"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var back = app.NewClient();
        await back.SignIn(Email, Secret);
        (await back.Get("/")).LocationPath().ShouldBe("/account?required=password", "an administrator chose the password: the user chooses their own first");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class SignInTestsOnPostgreSql(PostgresApp app) : SignInTests(app.App), IClassFixture<PostgresApp>;
