namespace OpenIsms.Core.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string IsmsManager = "ISMS manager";
    public const string Contributor = "Contributor";
    public const string Auditor = "Auditor";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, IsmsManager, Contributor, Auditor, Viewer];

    public static string Describe(string role) => role switch
    {
        Administrator => "Everything, including users and organisation settings.",
        IsmsManager => "Runs the ISMS: edits and approves scope, context and registers.",
        Contributor => "Edits registers and drafts; cannot approve.",
        Auditor => "Reads everything and verifies the activity log; writes only audit records.",
        Viewer => "Reads everything, changes nothing.",
        _ => "",
    };
}
