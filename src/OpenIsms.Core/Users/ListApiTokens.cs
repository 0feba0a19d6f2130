using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>The signed-in user's API tokens, newest first.</summary>
public sealed class ListApiTokens(OpenIsmsDbContext db)
{
    public sealed record Row(Guid Id, string Name, string Hint, DateTime CreatedAt, DateOnly ExpiresOn, DateTime? RevokedAt, int Version);

    public async Task<List<Row>> Handle(CancellationToken ct = default)
    {
        var userId = db.CurrentUser.UserId;
        return await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresOn, t.RevokedAt, t.Version)).ToListAsync(ct);
    }
}
