using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Data;

/// <summary>Checks that several use cases make on what a form names.</summary>
public static class RecordChecks
{
    /// <summary>An owner, if one is named, must be a user who can still sign in.</summary>
    public static async Task<FieldError?> ActiveUser(this OpenIsmsDbContext db, string? userId, string field, string message, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(userId) || await db.Set<AppUser>().AnyAsync(u => u.Id == userId && u.IsActive, ct) ? null : new FieldError(field, message);
}
