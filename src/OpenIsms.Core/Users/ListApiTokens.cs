using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>The signed-in user's API tokens, newest first.</summary>
public sealed class ListApiTokens(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Hint { get; init; }

        public required DateTime CreatedAt { get; init; }

        public required DateOnly ExpiresOn { get; init; }

        public required DateTime? RevokedAt { get; init; }

        public required int Version { get; init; }
    }

    public async Task<List<Row>> Handle(CancellationToken ct = default)
    {
        var userId = db.CurrentUser.UserId;
        return await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row
            {
                Id = t.Id,
                Name = t.Name,
                Hint = t.Hint,
                CreatedAt = t.CreatedAt,
                ExpiresOn = t.ExpiresOn,
                RevokedAt = t.RevokedAt,
                Version = t.Version,
            }).ToListAsync(ct);
    }
}
