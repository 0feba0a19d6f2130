namespace OpenIsms.Web.Account;

public static class LocalUrl
{
    /// <summary>Only a path on this site may be a return address (no open redirects).</summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
