using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Account;

/// <summary>Sessions end where they should, tokens die with the password, first passwords and required second factors hold.</summary>
public abstract class SessionTests(AppFactory app)
{
    private static Dictionary<string, string?> Credentials(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    private static async Task<string> SessionCookie(AppFactory app, string email, string password)
    {
        using var raw = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await raw.GetAsync("/account/login");
        var page = await TestClient.Parse(login);
        var antiforgery = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("openisms.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var fields = page.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await raw.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("openisms.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).Append(antiforgery));
    }

    private async Task<HttpStatusCode> HomeWith(string cookie)
    {
        using var raw = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var response = await raw.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionEverywhereItsCookieWasCopied()
    {
        var cookie = await SessionCookie(app, AppFactory.EmailOf(Roles.Viewer), AppFactory.Password);
        (await HomeWith(cookie)).ShouldBe(HttpStatusCode.OK, cookie);
        (await HomeWith(cookie)).ShouldBe(HttpStatusCode.OK, "a copy of the cookie works while the session lasts");

        // The person signs out in their browser (another copy of the same session).
        using var browser = new TestClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        var page = await TestClient.Parse(await browser.Http.SendAsync(home));
        var fields = page.QuerySelectorAll("form[action='/account/logout'] input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent(fields) };
        logout.Headers.Add("Cookie", cookie);
        (await browser.Http.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await HomeWith(cookie)).ShouldBe(HttpStatusCode.Redirect, "the copied cookie no longer opens a page");
    }

    [Fact]
    public async Task APasswordChangeOrADeactivation_RevokesTheApiTokens_AndReactivatingDoesNotReviveThem()
    {
        var email = "tokens-" + Guid.NewGuid().ToString("N")[..8] + "@example.test";
        using var admin = await app.SignedIn(Roles.Administrator);
        (await admin.SubmitAt("/settings/users/new", "main form", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = "Token Holder " + email[7..15], ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password, ["Input.Roles"] = Roles.Contributor,
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var user = app.NewClient();
        await user.SignIn(email, AppFactory.Password);

        // An administrator's password is replaced at the first sign-in: every page leads to My account until then.
        (await user.Get("/risks")).LocationPath().ShouldBe("/account?required=password");
        (await user.Page("/account?required=password")).QuerySelector("#choose-password")!.TextContent.ShouldContain("Choose your own");
        var mine = "my-own-password-42";
        (await user.SubmitAt("/account?required=password", "main form", new Dictionary<string, string?>
        {
            ["Input.Current"] = AppFactory.Password, ["Input.Password"] = mine, ["Input.ConfirmPassword"] = mine,
        })).LocationPath().ShouldBe("/account?done=password");
        (await user.Get("/risks")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = await Token(user);
        using var api = Api(token);
        (await api.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A password change ends the token.
        (await user.SubmitAt("/account", "main form", new Dictionary<string, string?>
        {
            ["Input.Current"] = mine, ["Input.Password"] = "another-password-42", ["Input.ConfirmPassword"] = "another-password-42",
        })).LocationPath().ShouldBe("/account?done=password");
        (await api.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // So does a deactivation, and reactivating brings the user back but not the token.
        var second = await Token(user);
        using var api2 = Api(second);
        (await api2.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var edit = (await admin.Page("/settings/users")).QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        (await admin.SubmitAt(edit, "main form", new Dictionary<string, string?> { ["Input.IsActive"] = null })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api2.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await user.Get("/risks")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the deactivated user's session ended");
        (await admin.SubmitAt(edit, "main form", new Dictionary<string, string?> { ["Input.IsActive"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api2.GetAsync("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var back = app.NewClient();
        await back.SignIn(email, "another-password-42");
        var tokens = await back.Page("/account/api-tokens");
        tokens.QuerySelector("main")!.TextContent.ShouldContain("Revoked");
    }

    [Fact]
    public async Task WhenTheOrganisationRequiresTwoFactors_SomeoneWithoutOne_IsSentToSetItUp()
    {
        using var admin = await app.SignedIn(Roles.Administrator);
        (await admin.SubmitAt("/settings/organisation", "main form", new Dictionary<string, string?> { ["Input.RequireTwoFactor"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        try
        {
            using var viewer = await app.SignedIn(Roles.Auditor); // not the Viewer the sign-out test uses: this one ends with two factors
            (await viewer.Get("/risks")).LocationPath().ShouldBe("/account/2fa?required=1");
            (await viewer.Page("/account/2fa?required=1")).QuerySelector("main")!.TextContent.ShouldContain("Your organisation requires two-factor authentication");
            (await viewer.Get("/api/v1/risks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the API is not the page session's");

            var setup = await TwoFactorTests.OpenSetup(viewer);
            var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            (await viewer.Submit(setup, "main form", new Dictionary<string, string?> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await viewer.Get("/risks")).StatusCode.ShouldBe(HttpStatusCode.OK, "with a second factor set up, the way is open");
        }
        finally
        {
            // The administrator, without a second factor, is held to set one up too: the setting is put back directly.
            (await admin.Get("/settings/organisation")).LocationPath().ShouldBe("/account/2fa?required=1", "the rule holds for administrators too");
            await app.InScope(async sp => await sp.GetRequiredService<OpenIsms.Core.Data.OpenIsmsDbContext>().Set<OpenIsms.Core.Organisations.Organisation>()
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.RequireTwoFactor, false)));
        }
    }

    [Fact]
    public async Task SigningIn_TakesAsLong_ForAnUnknownAddressAsForAWrongPassword()
    {
        using var client = app.NewClient();
        async Task<double> Time(string email, int i)
        {
            var page = await client.Page("/account/login");
            var clock = Stopwatch.StartNew();
            (await client.Submit(page, "main form", Credentials(email, "wrong-password-" + i))).StatusCode.ShouldBe(HttpStatusCode.OK);
            return clock.Elapsed.TotalMilliseconds;
        }

        // Interleaved, so that whatever else the machine does weighs on both alike; the medians are compared.
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            known.Add(await Time(AppFactory.EmailOf(Roles.Contributor), i));
            unknown.Add(await Time($"nobody-{i}@example.test", i));
        }

        var (k, u) = (known.Order().ElementAt(5), unknown.Order().ElementAt(5));
        (u / k).ShouldBeInRange(0.5, 2.0, $"unknown {u:F1} ms, known {k:F1} ms (without the dummy hash an unknown address answers in a few ms against tens)");
    }

    [Fact]
    public async Task OverHttps_CookiesAreSecure_AndHstsIsSent_AlsoBehindAProxy()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var login = await https.GetAsync("/account/login");
        login.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        login.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Plain HTTP from a client: no HSTS, no Secure flag.
        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var direct = await plain.GetAsync("/account/login");
        direct.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();

        // A reverse proxy on this machine (loopback is trusted) that terminates HTTPS and says so.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        proxied.Headers.Add(TestClientAddress.Header, "127.0.0.1");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var behind = await plain.SendAsync(proxied);
        behind.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        behind.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // The same headers from a client that is not a known proxy are ignored.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        spoofed.Headers.Add(TestClientAddress.Header, "198.51.100.9");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        (await plain.SendAsync(spoofed)).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static async Task<string> Token(TestClient user)
    {
        var created = await user.SubmitAt("/account/api-tokens", "main form", new Dictionary<string, string?> { ["Input.Name"] = "Script " + Guid.NewGuid().ToString("N")[..6], ["Input.Days"] = "30" });
        return (await TestClient.Parse(created)).QuerySelector("#new-token code")!.TextContent;
    }

    private HttpClient Api(string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class SessionTestsOnPostgreSql(PostgresApp app) : SessionTests(app.App), IClassFixture<PostgresApp>;

/// <summary>Sign-in posts per client: a few are allowed, the next is refused with a page saying why, other clients are not held up.</summary>
public sealed class SignInLimitTests(SignInLimitApp app) : IClassFixture<SignInLimitApp>
{
    [Fact]
    public async Task AClientThatTriesTooOften_IsHeldBack_OthersAreNot()
    {
        using var raw = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var client = new TestClient(raw);
        async Task<HttpResponseMessage> Attempt(string from, string password)
        {
            var page = await client.Page("/account/login");
            var form = page.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            form["Input.Email"] = AppFactory.EmailOf(Roles.Administrator);
            form["Input.Password"] = password;
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(form) };
            post.Headers.Add(TestClientAddress.Header, from);
            return await raw.SendAsync(post);
        }

        for (var i = 0; i < 3; i++)
        {
            (await Attempt("203.0.113.50", "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Three failures used up that client's attempts: even the right password waits now.
        var held = await Attempt("203.0.113.50", AppFactory.Password);
        held.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await held.Text()).ShouldContain("too many failed sign-in attempts from your network");

        // The administrator, elsewhere, is not locked out by it; and signing in successfully uses up nothing.
        for (var i = 0; i < 5; i++)
        {
            (await Attempt("198.51.100.20", AppFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // An IPv6 attacker counts by the /64 they hold, not by each of its addresses.
        for (var i = 0; i < 3; i++)
        {
            (await Attempt($"2001:db8:1:2::{i + 1:x}", "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Attempt("2001:db8:1:2::ff", "guess-9")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

public sealed class SignInLimitApp() : AppFactory(Provider.Sqlite, settings: new Dictionary<string, string?> { ["SignIn:AttemptsPerClient"] = "3" });
