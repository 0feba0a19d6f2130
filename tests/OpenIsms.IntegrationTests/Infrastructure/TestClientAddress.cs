using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OpenIsms.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no network, so no client address. A test names the address a request comes from in
/// this header, and the request enters the app's pipeline (forwarded headers, the sign-in limit) from that address.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }

            await following();
        });
        next(app);
    };
}
