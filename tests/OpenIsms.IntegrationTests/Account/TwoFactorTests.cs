using System.Net;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

/// <summary>An authenticator app as second factor: set up with the key, then asked for at sign-in; recovery codes work once.</summary>
public abstract class TwoFactorTests(AppFactory app)
{
    [Fact]
    public async Task Enable_ThenSignInNeedsTheCode_AndARecoveryCodeWorksOnce()
    {
        var email = AppFactory.EmailOf(Roles.Contributor);
        string[] recovery;
        string key;
        using (var user = await app.SignedIn(Roles.Contributor))
        {
            var setup = await user.Page("/account/2fa");
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
            var wrong = await client.SubmitAt(first.LocationPath(), "main form", new Dictionary<string, string?> { ["Input.Code"] = "123456" });
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
}

public sealed class TwoFactorTestsOnSqlite(EmptyForTwoFactor app) : TwoFactorTests(app), IClassFixture<EmptyForTwoFactor>;

/// <summary>Its own installation, so that turning on two-factor for a seeded user does not affect other test classes.</summary>
public sealed class EmptyForTwoFactor() : AppFactory(Provider.Sqlite);
