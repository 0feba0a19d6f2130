using System.Net;
using AngleSharp.Dom;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

/// <summary>An authenticator app as second factor: set up with the key, then asked for at sign-in; recovery codes work once.</summary>
public abstract class TwoFactorTests(AppFactory app)
{
    private static Dictionary<string, string?> Credentials(string email) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password };

    private static Dictionary<string, string?> Code(string code) => new() { ["Input.Code"] = code };

    /// <summary>A six-digit code no authenticator with this key shows now, nor in the steps either side that the server accepts.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var near = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + (i * 7919)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    /// <summary>The set-up page after the password step, which shows the key.</summary>
    internal static async Task<IDocument> OpenSetup(TestClient client)
    {
        var asked = await client.Page("/account/2fa");
        asked.QuerySelector("#authenticator-key").ShouldBeNull("the key is shown only after the password");
        return await TestClient.Parse(await client.Submit(asked, "main form", new Dictionary<string, string?> { ["Confirm.Password"] = AppFactory.Password }));
    }

    private static string Key(IDocument setup) =>
        setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    [Fact]
    public async Task Enable_ThenSignInNeedsTheCode_AndARecoveryCodeWorksOnce()
    {
        var email = AppFactory.EmailOf(Roles.Contributor);
        string[] recovery;
        string key;
        using (var user = await app.SignedIn(Roles.Contributor))
        {
            var setup = await OpenSetup(user);
            key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var wrong = await user.Submit(setup, "main form", new Dictionary<string, string?> { ["Input.Code"] = "000000" });
            (await wrong.Text()).ShouldContain("That code is not right");
            var enabled = await user.Submit(setup, "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            var page = await TestClient.Parse(enabled);
            recovery = page.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToArray();
            recovery.Length.ShouldBe(10);
        }

        using (var client = app.NewClient())
        {
            var first = await client.SubmitAt("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password });
            first.LocationPath().ShouldStartWith("/account/login-2fa");
            var wrong = await client.SubmitAt(first.LocationPath(), "main form", new Dictionary<string, string?> { ["Input.Code"] = WrongCode(key) });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            var right = await client.SubmitAt(first.LocationPath(), "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.Get("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var client = app.NewClient();
            var first = await client.SubmitAt("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password });
            var used = await client.SubmitAt("/account/login-recovery", "main form", new Dictionary<string, string?> { ["Input.Code"] = recovery[0] });
            if (attempt == 0)
            {
                used.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a recovery code signs in once");
            }
            else
            {
                used.StatusCode.ShouldBe(HttpStatusCode.OK, "and never again");
            }
        }
    }

    [Fact]
    public async Task AfterSigningOut_SignInAsksForTheCode_ARightCodeSignsIn_AWrongOneIsRefused_ARecoveryCodeWorksOnce()
    {
        var email = AppFactory.EmailOf(Roles.Auditor);
        using var browser = await app.SignedIn(Roles.Auditor);

        // Turn it on with the key the page shows, as an authenticator app would.
        var setup = await OpenSetup(browser);
        var key = Key(setup);
        key.Length.ShouldBeGreaterThanOrEqualTo(16);
        setup.QuerySelector(".qr img")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var enabled = await browser.Submit(setup, "main form", Code(Totp.Code(key, DateTimeOffset.UtcNow)));
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await TestClient.Parse(enabled);
        shown.QuerySelector("[role=status]")!.TextContent.ShouldContain("Two-factor authentication is on");
        var recovery = shown.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToArray();
        recovery.Length.ShouldBe(10);
        recovery.Distinct().Count().ShouldBe(10);

        // Once on, the key is never shown again; new recovery codes and turning it off ask for the password or a code.
        (await browser.Page("/account/2fa")).QuerySelector("#authenticator-key").ShouldBeNull();
        var account = await browser.Page("/account");
        var noSecret = await browser.Submit(account, "main form", new Dictionary<string, string?> { ["Action"] = "codes" });
        (await TestClient.Parse(noSecret)).QuerySelector("#f-Confirm")!.Closest(".field")!.TextContent.ShouldContain("Enter your password or a current code");
        var wrongSecret = await browser.Submit(account, "main form", new Dictionary<string, string?> { ["Action"] = "off", ["Confirm"] = "not-my-password-1" });
        (await wrongSecret.Text()).ShouldContain("That is neither your password nor a current code.");
        (await browser.Page("/account")).QuerySelector("main")!.TextContent.ShouldContain("Recovery codes left: 10");
        var fresh = await browser.Submit(account, "main form", new Dictionary<string, string?> { ["Action"] = "codes", ["Confirm"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        recovery = (await TestClient.Parse(fresh)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToArray();
        recovery.Length.ShouldBe(10, "a current code makes new recovery codes");

        // Sign out with the button every page carries.
        var signedOut = await browser.Submit(await browser.Page("/"), "form[action='/account/logout']", new Dictionary<string, string?>());
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.LocationPath().ShouldBe("/account/login?signedout=1");
        (await browser.Get("/")).LocationPath().ShouldStartWith("/account/login");

        // The password alone is no longer enough: the code is asked for.
        var password = await browser.SubmitAt("/account/login", "main form", Credentials(email));
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var codePage = password.LocationPath();
        codePage.ShouldStartWith("/account/login-2fa");
        (await browser.Get("/")).LocationPath().ShouldStartWith("/account/login", customMessage: "not signed in before the code");

        var wrong = await browser.SubmitAt(codePage, "main form", Code(WrongCode(key)));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Text()).ShouldContain("That code is not right");
        (await browser.Get("/")).LocationPath().ShouldStartWith("/account/login", customMessage: "a wrong code does not sign in");

        var right = await browser.SubmitAt(codePage, "main form", Code(Totp.Code(key, DateTimeOffset.UtcNow)));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.LocationPath().ShouldBe("/");
        var home = await browser.Page("/");
        home.QuerySelector(".user-name")!.TextContent.ShouldBe("Auditor user");

        // Without the first step (the password), the code pages send the browser back to sign in.
        using (var stranger = app.NewClient())
        {
            (await stranger.Get("/account/login-2fa")).LocationPath().ShouldStartWith("/account/login");
        }

        // A recovery code signs in once, and never again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var client = app.NewClient();
            (await client.SubmitAt("/account/login", "main form", Credentials(email))).LocationPath().ShouldStartWith("/account/login-2fa");
            var used = await client.SubmitAt("/account/login-recovery", "main form", Code(recovery[3]));
            if (attempt == 0)
            {
                used.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a recovery code signs in once");
                used.LocationPath().ShouldBe("/");
                (await client.Get("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            else
            {
                used.StatusCode.ShouldBe(HttpStatusCode.OK, "and never again");
                (await used.Text()).ShouldContain("That recovery code is not right, or it was used already.");
                (await client.Get("/")).LocationPath().ShouldStartWith("/account/login");
            }
        }

        // Another unused code still works.
        using var last = app.NewClient();
        await last.SubmitAt("/account/login", "main form", Credentials(email));
        (await last.SubmitAt("/account/login-recovery", "main form", Code(recovery[7]))).LocationPath().ShouldBe("/");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class TwoFactorTestsOnSqlite(SqliteApp app) : TwoFactorTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class TwoFactorTestsOnPostgreSql(PostgresApp app) : TwoFactorTests(app.App), IClassFixture<PostgresApp>;
