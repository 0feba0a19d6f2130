using System.Net;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Security;

public abstract class HostTests(AppFactory app)
{
    [Fact]
    public async Task HealthEndpoints_AnswerWithoutSigningIn_AndReadyChecksTheDatabase()
    {
        using var client = app.NewClient();
        (await client.Get("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.Get("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Text()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task EveryPage_CarriesSecurityHeaders()
    {
        using var client = app.NewClient();
        var response = await client.Get("/account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        (await response.Text()).ShouldNotContain("<script>", customMessage: "no inline script");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class HostTestsOnSqlite(SqliteApp app) : HostTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class HostTestsOnPostgreSql(PostgresApp app) : HostTests(app.App), IClassFixture<PostgresApp>;
