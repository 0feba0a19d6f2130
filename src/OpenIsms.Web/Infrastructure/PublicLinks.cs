namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Absolute addresses for links that leave the app (in mails): <c>PublicUrl</c> from configuration when set (behind a
/// proxy the request's own address may be an internal one), else the address the request came in on.
/// </summary>
public sealed class PublicLinks(IConfiguration config, IHttpContextAccessor accessor)
{
    public string To(string path)
    {
        var configured = config["PublicUrl"];
        var request = accessor.HttpContext?.Request;
        var root = !string.IsNullOrWhiteSpace(configured) ? configured
            : request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
