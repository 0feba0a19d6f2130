using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>Every user with their roles, in two queries however many users there are.</summary>
public sealed class ListUsers(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required string Id { get; init; }

        public required string DisplayName { get; init; }

        public required string Email { get; init; }

        public required bool IsActive { get; init; }

        public required bool TwoFactorEnabled { get; init; }

        public required IReadOnlyList<string> Roles { get; init; }

        public required DateTimeOffset? LockoutEnd { get; init; }
    }

    public async Task<List<Row>> Handle(string? id = null, CancellationToken ct = default)
    {
        var users = db.Users.AsNoTracking();
        if (id is not null)
        {
            users = users.Where(u => u.Id == id);
        }

        var list = await users.OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd }).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return list.Select(u => new Row
        {
            Id = u.Id,
            DisplayName = u.DisplayName,
            Email = u.Email ?? "",
            IsActive = u.IsActive,
            TwoFactorEnabled = u.TwoFactorEnabled,
            Roles = byUser[u.Id].OrderBy(r => r).ToList(),
            LockoutEnd = u.LockoutEnd,
        }).ToList();
    }
}
