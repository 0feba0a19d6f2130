namespace OpenIsms.Web.Components.Shared;

/// <summary>
/// The two endings any page's address may take, written once for the areas' URL builders (<c>RiskUrls.Risk(id)</c>,
/// <c>SoaUrls.Home</c>, …): what was done, for the page's <see cref="DoneNotice"/> after a post/redirect/get, and the
/// section to scroll to. <c>RiskUrls.Risk(id).Done("added").At("actions")</c> is <c>/risks/{id}?done=added#actions</c>.
/// </summary>
public static class AddressEndings
{
    /// <summary>The address with <c>done=…</c> added to its query (one of the words DoneNotice knows).</summary>
    public static string Done(this string address, string done) => $"{address}{(address.Contains('?', StringComparison.Ordinal) ? '&' : '?')}done={done}";

    /// <summary>The address of one section of the page (an element's id); always the last ending.</summary>
    public static string At(this string address, string section) => $"{address}#{section}";
}
