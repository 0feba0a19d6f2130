using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>Revokes one of the signed-in user's API tokens.</summary>
public sealed class RevokeApiToken(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, CancellationToken ct = default)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id && t.UserId == db.CurrentUser.UserId, ct);
        if (token is null)
        {
            return Result.NotFound();
        }

        token.Revoke(db.Clock.UtcNow);
        return await db.SaveAsync(ct);
    }
}
