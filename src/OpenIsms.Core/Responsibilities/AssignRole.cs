using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Responsibilities;

/// <summary>Gives a person an ISMS role from a date; someone who already holds it is not given it twice.</summary>
public sealed class AssignRole(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? PersonId { get; set; }

        public DateOnly? From { get; set; }

        public string? Note { get; set; }
    }

    public async Task<Result<Guid>> Handle(Guid roleId, Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ResponsibilityPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var role = await db.Set<IsmsRole>().AsNoTracking().Where(r => r.Id == roleId).Select(r => new { r.Name }).FirstOrDefaultAsync(ct);
        if (role is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        if (c.PersonId is null)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(nameof(Command.PersonId), "Choose the person from the staff list.")));
        }

        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == c.PersonId, ct);
        if (person is null)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(nameof(Command.PersonId), "Choose the person from the staff list.")));
        }

        var today = await db.Clock.Today(ct);
        if (await db.Set<RoleAssignment>().AnyAsync(a => a.RoleId == roleId && a.PersonId == person.Id && (a.Until == null || a.Until >= today), ct))
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(nameof(Command.PersonId), $"{person.Name} already holds the role {role.Name}.")));
        }

        var created = RoleAssignment.Create(roleId, person, c.From ?? today, c.Note, today);
        if (!created.Succeeded)
        {
            return Result<Guid>.From(created);
        }

        db.Add(created.Value!);
        var result = await db.SaveAsync(ct);
        return result.Succeeded ? created.Value!.Id : Result<Guid>.From(result);
    }
}

/// <summary>
/// Ends a person's hold on a role. Ended on the day it began (a mistake), the assignment is deleted; otherwise it is kept
/// with its last day, so the record shows who held the role when.
/// </summary>
public sealed class EndRoleAssignment(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid roleId, Guid assignmentId, int version, DateOnly? until, CancellationToken ct = default)
    {
        var (assignment, failure) = await db.LoadForChange<RoleAssignment>(assignmentId, version, ResponsibilityPermissions.Edit, a => a.RoleId == roleId, ct);
        if (assignment is null)
        {
            return failure!;
        }

        var today = await db.Clock.Today(ct);
        var last = until ?? today;
        if (last <= assignment.From)
        {
            db.Remove(assignment);
            return await db.SaveAsync(ct);
        }

        var result = assignment.End(last);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
