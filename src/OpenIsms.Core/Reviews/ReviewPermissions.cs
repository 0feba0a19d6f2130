using OpenIsms.Core.Security;

namespace OpenIsms.Core.Reviews;

/// <summary>The management review's permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class ReviewPermissions
{
    public const string Read = "reviews.read";

    /// <summary>Schedules reviews, freezes their packs, writes their minutes and actions.</summary>
    public const string Hold = "reviews.hold";
}
