using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>Ends every API token of a user.</summary>
public sealed class RevokeAllApiTokens(OpenIsmsDbContext db)
{
    /// <summary>Ends every token of a user: when they change their password or are deactivated.</summary>
    public static async Task<int> RevokeAll(OpenIsmsDbContext db, string userId, CancellationToken ct = default)
    {
        var now = db.Clock.UtcNow;
        var open = await db.Set<ApiToken>().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        open.ForEach(t => t.Revoke(now));
        await db.SaveChangesAsync(ct);
        return open.Count;
    }

    /// <summary>After the signed-in user changed their password: their tokens end with the old password.</summary>
    public Task<int> Handle(CancellationToken ct = default) =>
        db.CurrentUser.UserId is { } userId ? RevokeAll(db, userId, ct) : Task.FromResult(0);
}
