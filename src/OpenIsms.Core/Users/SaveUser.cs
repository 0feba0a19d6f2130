using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Users;

/// <summary>
/// Creates a user (with an initial password the administrator hands over) or changes one's name, roles and
/// whether they may sign in. Deactivating keeps the user's history and ends their sessions.
/// </summary>
public sealed class SaveUser(OpenIsmsDbContext db, UserManager<AppUser> users)
{
    /// <summary>A user as the administrator's form gives it; <see cref="From"/> fills it for editing.</summary>
    public sealed class Command
    {
        /// <summary>The user to change; none to create one.</summary>
        public string? Id { get; set; }

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        /// <summary>The initial password of a new user, handed over by the administrator and changed at first sign-in.</summary>
        public string? Password { get; set; }

        // Null when a form ticks no box.
        public List<string>? Roles { get; set; } = [];

        public bool IsActive { get; set; }

        public static Command From(ListUsers.Row user) =>
            new() { Id = user.Id, DisplayName = user.DisplayName, Email = user.Email, Roles = user.Roles.ToList(), IsActive = user.IsActive };
    }

    public async Task<Result<string>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(UserPermissions.Manage))
        {
            return Result<string>.From(Result.Forbidden());
        }

        var roles = (c.Roles ?? []).Where(Security.Roles.All.Contains).Distinct().ToList();
        var check = UserRules.Check(c.Email ?? "", c.DisplayName ?? "")
            .Must(roles.Count > 0, "Roles", "Choose at least one role.")
            .Must(c.Id is not null || !string.IsNullOrEmpty(c.Password), "Password", "Choose an initial password for the new user.");
        if (c.Id is not null && c.Id == db.CurrentUser.UserId)
        {
            check.Must(c.IsActive, "IsActive", "You cannot deactivate your own account.")
                .Must(roles.Contains(Security.Roles.Administrator), "Roles", "You cannot remove your own Administrator role.");
        }

        if (!check.IsValid)
        {
            return Result<string>.From(check.ToResult());
        }

        var user = c.Id is null ? new AppUser { CreatedAt = db.Clock.UtcNow, EmailConfirmed = true, MustChangePassword = true }
            : await users.FindByIdAsync(c.Id);
        if (user is null)
        {
            return Result<string>.From(Result.NotFound());
        }

        var wasActive = user.IsActive;
        user.DisplayName = c.DisplayName!.Trim();
        user.Email = c.Email!.Trim();
        user.UserName = user.Email;
        user.IsActive = c.IsActive;

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = UserRules.ToResult(c.Id is null ? await users.CreateAsync(user, c.Password!) : await users.UpdateAsync(user));
            if (!saved.Succeeded)
            {
                return saved;
            }

            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(roles));
            await users.AddToRolesAsync(user, roles.Except(current));
            if (wasActive && !user.IsActive)
            {
                // A new security stamp invalidates the user's existing sign-in cookies; their API tokens end for good
                // (reactivating the user does not bring them back).
                await users.UpdateSecurityStampAsync(user);
                await RevokeAllApiTokens.RevokeAll(db, user.Id, ct);
            }

            await transaction.CommitAsync(ct);
            return Result.Ok();
        });
        return outcome.Succeeded ? user.Id : Result<string>.From(outcome);
    }

    public Task<int> CountActiveAdministrators(CancellationToken ct = default) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Security.Roles.Administrator && u.IsActive
         select u.Id).Distinct().CountAsync(ct);
}
