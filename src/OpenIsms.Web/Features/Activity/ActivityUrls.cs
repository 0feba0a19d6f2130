using OpenIsms.Core.Activity;

namespace OpenIsms.Web.Features.Activity;

/// <summary>The activity log's addresses: the log, its integrity check, and the history of one record.</summary>
public static class ActivityUrls
{
    public const string Home = "/activity";

    public const string Verify = Home + "/verify";

    /// <summary>The log narrowed and paged as the filter says.</summary>
    public static string Log(ActivityFilter filter) => Home + filter.ToQueryString();

    private const string Histories = "/history";

    /// <summary>A record's entries, newest first: the record named by its type's stable audit name and its id.</summary>
    public static string History(string auditName, string id) => $"{Histories}/{auditName}/{Uri.EscapeDataString(id)}";
}
