using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Settings;

/// <summary>Settings › Users: only an administrator manages users, and a new user gets exactly their roles' rights.</summary>
public abstract class UsersTests(AppFactory app)
{
    public static TheoryData<string> NonAdministrators() => [.. Roles.All.Where(r => r != Roles.Administrator)];

    private static async Task ShouldBeRefused(TestClient client, string url)
    {
        var response = await client.Get(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
        response.LocationPath().ShouldStartWith("/account/access-denied", customMessage: url);
        (await client.Get(response.LocationPath())).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
    }

    private static async Task ShouldBeAllowed(TestClient client, string url) =>
        (await client.Get(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);

    private Task<IList<string>?> RolesOf(string email) => app.InScope(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) is { } user ? await users.GetRolesAsync(user) : null;
    });

    [Fact]
    public async Task AnAdministrator_AddsAUserWithARole_WhoSignsInWithThatRolesRights()
    {
        const string Email = "audrey@example.test", Secret = "audit-trail-2026";
        using var admin = await app.SignedIn(Roles.Administrator);
        var created = await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Audrey Auditor", ["Input.Email"] = Email, ["Input.Password"] = Secret, ["Input.Roles"] = Roles.Auditor,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.LocationPath().ShouldBe("/settings/users?done=created");

        var row = (await admin.Page("/settings/users")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(Email, StringComparison.Ordinal));
        row.Children[0].TextContent.Trim().ShouldBe("Audrey Auditor");
        row.Children[2].TextContent.Trim().ShouldBe(Roles.Auditor);
        row.Children[4].TextContent.Trim().ShouldBe("Active");
        (await RolesOf(Email)).ShouldBe([Roles.Auditor]);

        // An auditor reads everything and verifies the activity log, and changes nothing.
        using (var audrey = app.NewClient())
        {
            await audrey.SignIn(Email, Secret);

            // The administrator chose the password: at the first sign-in every page leads to choosing one's own.
            (await audrey.Get("/")).LocationPath().ShouldBe("/account?required=password");
            (await audrey.SubmitAt("/account?required=password", "main form", new Dictionary<string, string?>
            {
                ["Input.Current"] = Secret, ["Input.Password"] = Secret + "-mine", ["Input.ConfirmPassword"] = Secret + "-mine",
            })).LocationPath().ShouldBe("/account?done=password");
            (await audrey.Page("/")).QuerySelector(".user-name")!.TextContent.ShouldBe("Audrey Auditor");
            foreach (var url in new[] { "/catalogue", "/scope", "/context/issues", "/assets", "/risks", "/controls", "/activity", "/activity/verify" })
            {
                await ShouldBeAllowed(audrey, url);
            }

            foreach (var url in new[] { "/context/issues/new", "/assets/new", "/risks/new", "/scope/edit", "/settings/users", "/settings/organisation" })
            {
                await ShouldBeRefused(audrey, url);
            }
        }

        // Given a second role, the user has the rights of both from the next sign-in.
        var edit = row.QuerySelector("a")!.GetAttribute("href")!;
        var saved = await admin.Submit(await admin.Page(edit), "main form",
            [new("Input.Roles", Roles.Auditor), new("Input.Roles", Roles.Contributor)]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RolesOf(Email)).ShouldBe([Roles.Auditor, Roles.Contributor], ignoreOrder: true);

        using var again = app.NewClient();
        await again.SignIn(Email, Secret + "-mine");
        await ShouldBeAllowed(again, "/activity/verify");
        var issue = await again.SubmitAt("/context/issues/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Raised by a new user", ["Input.Origin"] = "Internal",
        });
        issue.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a contributor adds context issues");
        await ShouldBeRefused(again, "/settings/users");
    }

    [Fact]
    public async Task AddingAUser_RefusesATakenEmail_AndAWeakPassword()
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        var taken = await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Double", ["Input.Email"] = AppFactory.EmailOf(Roles.Viewer), ["Input.Password"] = "double-pass-2026", ["Input.Roles"] = Roles.Viewer,
        });
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(taken)).QuerySelector("#f-Email")!.ParentElement!.TextContent.ShouldContain("is already taken");

        var weak = await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Weak", ["Input.Email"] = "weak@example.test", ["Input.Password"] = "short1", ["Input.Roles"] = Roles.Viewer,
        });
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(weak)).QuerySelector("#f-Password")!.ParentElement!.TextContent.ShouldContain("at least 10 characters");
        (await RolesOf("weak@example.test")).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task ANonAdministrator_IsForbiddenTheUsersPages_AndCannotPostToThem(string role)
    {
        using var client = await app.SignedIn(role);
        var ownId = await app.UserId(role);
        var adminId = await app.UserId(Roles.Administrator);
        foreach (var url in new[] { "/settings/users", "/settings/users/new", "/settings/users/" + ownId, "/settings/users/" + adminId })
        {
            await ShouldBeRefused(client, url);
        }

        // Even with a valid antiforgery token of their own (every page's sign-out form carries one), posting the
        // user form neither creates a user nor makes the poster an administrator.
        var token = (await client.Page("/")).QuerySelector("form[action='/account/logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var intruder = "intruder-" + role.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + "@example.test";
        var create = await client.Http.PostAsync("/settings/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "user", ["Input.DisplayName"] = "Intruder", ["Input.Email"] = intruder,
            ["Input.Password"] = "intruder-pass-2026", ["Input.Roles"] = Roles.Administrator,
        }));
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        create.LocationPath().ShouldStartWith("/account/access-denied");
        (await RolesOf(intruder)).ShouldBeNull();

        var promote = await client.Http.PostAsync("/settings/users/" + ownId, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("_handler", "user"), new("Input.DisplayName", "Promoted"),
            new("Input.Email", AppFactory.EmailOf(role)), new("Input.Roles", Roles.Administrator), new("Input.Roles", role), new("Input.IsActive", "true"),
        ]));
        promote.LocationPath().ShouldStartWith("/account/access-denied");
        (await RolesOf(AppFactory.EmailOf(role))).ShouldBe([role]);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class UsersTestsOnSqlite(SqliteApp app) : UsersTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class UsersTestsOnPostgreSql(PostgresApp app) : UsersTests(app.App), IClassFixture<PostgresApp>;
