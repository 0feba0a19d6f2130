using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Responsibilities;

/// <summary>Adds or edits an ISMS role.</summary>
public sealed class SaveIsmsRole(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public string? Responsibilities { get; set; }

        public string? Authorities { get; set; }

        public string? GrantedBy { get; set; }

        public DateOnly? GrantedOn { get; set; }

        public bool TopManagement { get; set; }

        public int Version { get; set; }

        public static Command From(IsmsRole r) => new()
        {
            Id = r.Id, Name = r.Name, Responsibilities = r.Responsibilities, Authorities = r.Authorities, GrantedBy = r.GrantedBy,
            GrantedOn = r.GrantedOn, TopManagement = r.TopManagement, Version = r.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (role, failure) = await db.LoadOrCreate(c.Id, c.Version, ResponsibilityPermissions.Edit, () => new IsmsRole(), ct: ct);
        if (role is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = role.Update(c, await db.Clock.Today(ct));
        if (result.Succeeded && await db.Set<IsmsRole>().AnyAsync(r => r.Name == role.Name && r.Id != role.Id, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.Name), $"There is already a role called {role.Name}."));
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(role);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? role.Id : Result<Guid>.From(result);
    }
}

/// <summary>Deletes an ISMS role with its assignments and RACI cells (all in the activity log).</summary>
public sealed class DeleteIsmsRole(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<IsmsRole>(id, version, ResponsibilityPermissions.Edit, ct);
}

/// <summary>Adds the suggested roles that are not there yet (by name); adding them twice adds nothing.</summary>
public sealed class AddSuggestedRoles(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ResponsibilityPermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var names = (await db.Set<IsmsRole>().Select(r => r.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var today = await db.Clock.Today(ct);
        var added = 0;
        foreach (var suggestion in IsmsRole.Suggested.Where(s => !names.Contains(s.Name)))
        {
            var role = new IsmsRole();
            role.Update(IsmsRole.Command(suggestion), today);
            db.Add(role);
            added++;
        }

        var result = await db.SaveAsync(ct);
        return result.Succeeded ? added : Result<int>.From(result);
    }
}
