using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

public abstract class SignInTests(AppFactory app)
{
    private static Dictionary<string, string?> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount()
    {
        using var client = app.NewClient();
        var email = AppFactory.EmailOf(Roles.Auditor);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitAt("/account/login", "main form", Credentials(email, "wrong-password-" + i));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var locked = await client.SubmitAt("/account/login", "main form", Credentials(email, AppFactory.Password));
        locked.StatusCode.ShouldBe(HttpStatusCode.OK, "even the right password is refused while locked");
        (await locked.Text()).ShouldContain("locked for 15 minutes");
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
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgreSql(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
