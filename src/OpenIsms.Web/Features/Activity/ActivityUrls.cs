namespace OpenIsms.Web.Features.Activity;

/// <summary>The activity log's addresses: the log, its integrity check, and the history of one record.</summary>
public static class ActivityUrls
{
    public const string Home = "/activity";

    public const string Verify = Home + "/verify";

    private const string Histories = "/history";

    /// <summary>A record's entries, newest first: the record named by its type's stable audit name and its id.</summary>
    public static string History(string auditName, string id) => $"{Histories}/{auditName}/{Uri.EscapeDataString(id)}";
}
