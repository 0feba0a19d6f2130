using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>Finds the active user a presented API token belongs to, if the token is valid.</summary>
public sealed class FindApiTokenUser(OpenIsmsDbContext db)
{
    public async Task<AppUser?> Handle(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }

        var hash = ApiToken.Hash(presented);
        var today = await db.Clock.Today(ct);
        return await (from t in db.Set<ApiToken>().AsNoTracking()
                      join u in db.Set<AppUser>() on t.UserId equals u.Id
                      where t.TokenHash == hash && t.RevokedAt == null && t.ExpiresOn >= today && u.IsActive
                      select u).FirstOrDefaultAsync(ct);
    }
}
