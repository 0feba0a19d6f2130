using OpenIsms.Core.Security;

namespace OpenIsms.Core.Notifications;

/// <summary>The mail area's permission; which roles grant it is the role table (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class MailPermissions
{
    /// <summary>See the outbox (who was mailed what), try a mail again, send a test mail.</summary>
    public const string Manage = "mail.manage";
}
