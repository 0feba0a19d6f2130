using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.IntegrationTests.Security;

/// <summary>
/// Deny by default, checked over the app's own route table: every endpoint either names a permission or is
/// deliberately anonymous, and every parameterless page answers each role exactly as the role map says.
/// A new page without a permission fails here.
/// </summary>
[Collection(SharedHosts.Sqlite)]
public sealed class RouteRoleMatrixTests(SqliteApp shared) : IClassFixture<SqliteApp>
{
    private readonly AppFactory app = shared.App;

    // The only doors open without signing in.
    private static readonly HashSet<string> Anonymous =
    [
        "/account/login", "/account/login-2fa", "/account/login-recovery", "/account/access-denied", "/account/logout",
        "/setup", "/error/{code:int}", "/health/live", "/health/ready", "/api/{documentName}/openapi.json",
        // A personal acknowledgement link: one version of one document for the person it was mailed to, nothing else.
        "/ack/{Token}", "/ack/{token}/file",
        // The daily digest's unsubscribe link: signed, names one user, switches one preference off.
        "/mail/unsubscribe/{Token}",
    ];

    private List<(string Route, string? Permission, bool AllowAnonymous)> Routes(bool readableOnly = false)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal))
            .Where(e => !readableOnly || e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => (
                Route: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Permission: e.Metadata.GetOrderedMetadata<HasPermissionAttribute>().Select(p => p.Permission).LastOrDefault(),
                AllowAnonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void EveryEndpoint_NamesAPermission_OrIsAnIntendedAnonymousOne()
    {
        var routes = Routes();
        routes.Count.ShouldBeGreaterThan(20);
        foreach (var (route, permission, anonymous) in routes)
        {
            if (anonymous)
            {
                Anonymous.ShouldContain(route, $"{route} allows anonymous access but is not on the list of intended anonymous routes");
            }
            else
            {
                permission.ShouldNotBeNull($"{route} names no permission");
                Permissions.All.ShouldContain(permission);
            }
        }
    }

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task EveryPage_AnswersEachRole_AsTheRoleMapSays(string role)
    {
        await Risks.Methodology.EnsureApproved(app); // so that /api/v1/methodology has something to answer with
        using var client = await app.SignedIn(role);
        using var api = await app.ApiClient(role);
        foreach (var (route, permission, _) in Routes(readableOnly: true).Where(r => r.Permission is not null && !r.Route.Contains('{', StringComparison.Ordinal)))
        {
            if (route.StartsWith("/api/", StringComparison.Ordinal))
            {
                // The API answers with its token's user's rights, in problem details rather than redirects.
                var answer = await api.GetAsync(route);
                answer.StatusCode.ShouldBe(RolePermissions.Grants(role, permission!) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{role} on {route}");
                continue;
            }

            var response = await client.Get(route);
            if (RolePermissions.Grants(role, permission!))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} on {route}");
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{role} on {route}");
                response.LocationPath().ShouldStartWith("/account/access-denied", customMessage: $"{role} on {route}");
            }
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_FromEveryProtectedPage()
    {
        using var client = app.NewClient();
        foreach (var (route, _, _) in Routes(readableOnly: true).Where(r => !r.AllowAnonymous && !r.Route.Contains('{', StringComparison.Ordinal)))
        {
            var response = await client.Get(route);
            if (route.StartsWith("/api/", StringComparison.Ordinal))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", route);
                continue;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, route);
            response.LocationPath().ShouldStartWith("/account/login", customMessage: route);
        }
    }
}
