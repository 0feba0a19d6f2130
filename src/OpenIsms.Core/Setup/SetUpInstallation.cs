using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Security;
using OpenIsms.Core.Setup;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Setup;

/// <summary>
/// First run: creates the organisation and the first administrator. Refused once any user exists,
/// so it can be neither repeated nor used to take over an installation.
/// </summary>
public sealed class SetUpInstallation(OpenIsmsDbContext db, UserManager<AppUser> users)
{
    public sealed record Command(string OrganisationName, string DisplayName, string Email, string Password);

    public async Task<bool> IsNeeded(CancellationToken ct = default) => !await db.Users.AnyAsync(ct);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return Result.NotFound();
        }

        var check = UserRules.Check(c.Email ?? "", c.DisplayName ?? "")
            .Required("OrganisationName", c.OrganisationName, "Enter your organisation's name.")
            .MaxLength("OrganisationName", c.OrganisationName, Limits.Name, "The organisation's name")
            .Required("Password", c.Password, "Choose a password.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser
            {
                UserName = c.Email!.Trim(), Email = c.Email.Trim(), DisplayName = c.DisplayName!.Trim(),
                EmailConfirmed = true, CreatedAt = db.Clock.UtcNow,
            };
            var created = UserRules.ToResult(await users.CreateAsync(user, c.Password));
            if (!created.Succeeded)
            {
                return created;
            }

            await users.AddToRoleAsync(user, Roles.Administrator);
            if (!await db.Set<Organisation>().AnyAsync(ct))
            {
                db.Add(new Organisation(c.OrganisationName!));
                StarterData.Add(db);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return Result.Ok();
        });
    }
}
