using Microsoft.AspNetCore.Components;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Absolute addresses for links that leave the app (in mails): <c>PublicUrl</c> from configuration when set (behind a
/// proxy the request's own address may be an internal one), else the address the request came in on.
/// </summary>
public sealed class PublicLinks(IConfiguration config, NavigationManager navigation)
{
    public string To(string path)
    {
        var configured = config["PublicUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? navigation.BaseUri : configured;
        return root.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
