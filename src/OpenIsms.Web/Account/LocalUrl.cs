namespace OpenIsms.Web.Account;

public static class LocalUrl
{
    /// <summary>
    /// Only a path on this site may be a return address (no open redirects), written in the characters a Location
    /// header may carry: anything else (a space, an ideographic space, a control character) is not a link of ours.
    /// </summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            && url.All(c => c is > ' ' and < '\u007F')
            ? url
            : "/";
}
