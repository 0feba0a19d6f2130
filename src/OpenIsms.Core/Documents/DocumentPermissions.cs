using OpenIsms.Core.Security;

namespace OpenIsms.Core.Documents;

/// <summary>The document register's permissions; which roles grant them is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class DocumentPermissions
{
    public const string Read = "documents.read";

    /// <summary>Add documents, write drafts, submit them, record reviews.</summary>
    public const string Edit = "documents.edit";

    /// <summary>Be named as an approver of a document version.</summary>
    public const string Approve = "documents.approve";

    /// <summary>Ask people to acknowledge a version, send reminders, export who acknowledged.</summary>
    public const string Campaign = "documents.campaign";
}
