using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Users;

/// <summary>
/// Who may be named owner of a record: an active user whose role grants the owner's duty (<see cref="OwnerDuties"/>).
/// The pickers, the use cases that save an owner and the importers all ask here.
/// </summary>
public static class Owners
{
    /// <summary>Active users whose role grants the duty, by name, for an owner picker.</summary>
    public static async Task<List<Choice>> Choices(OpenIsmsDbContext db, string duty, CancellationToken ct) =>
        await Eligible(db, duty).OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName, null)).ToListAsync(ct);

    /// <summary>Active users whose role grants the duty.</summary>
    public static IQueryable<AppUser> Eligible(OpenIsmsDbContext db, string duty)
    {
        var roles = RolePermissions.RolesGranting(duty);
        return db.Set<AppUser>().AsNoTracking().Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    /// <summary>An owner, if one is named, must be active and hold a role that grants the owner's duty.</summary>
    public static async Task<FieldError?> Check(OpenIsmsDbContext db, string? userId, string duty, string field, string what, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId) || await Eligible(db, duty).AnyAsync(u => u.Id == userId, ct))
        {
            return null;
        }

        return await db.Set<AppUser>().AnyAsync(u => u.Id == userId && u.IsActive, ct)
            ? new FieldError(field, $"This person's role does not allow them to be the owner of {what}. Choose someone else, or ask an administrator to change their role.")
            : new FieldError(field, "Choose an active user as the owner.");
    }

    /// <summary>The ids of the active users whose role grants the duty, for checking many rows at once.</summary>
    public static async Task<HashSet<string>> EligibleIds(OpenIsmsDbContext db, string duty, CancellationToken ct) =>
        [.. await Eligible(db, duty).Select(u => u.Id).ToListAsync(ct)];
}
