using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

/// <summary>Adds or edits a person on the staff list; the account with the same e-mail address is linked.</summary>
public sealed class SavePerson(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Department { get; set; }

        public string? JobTitle { get; set; }

        public Guid? ManagerId { get; set; }

        public DateOnly? StartDate { get; set; }

        public DateOnly? LeavingDate { get; set; }

        public int Version { get; set; }

        public static Command From(Person p) => new()
        {
            Id = p.Id, Name = p.Name, Email = p.Email, Department = p.Department, JobTitle = p.JobTitle, ManagerId = p.ManagerId,
            StartDate = p.StartDate, LeavingDate = p.LeavingDate, Version = p.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (person, failure) = await db.LoadOrCreate(c.Id, c.Version, PeoplePermissions.Edit, () => new Person(), ct: ct);
        if (person is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = person.Update(c);
        if (result.Succeeded && c.ManagerId is { } manager && !await db.Set<Person>().AnyAsync(p => p.Id == manager, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.ManagerId), "Choose the manager from the list."));
        }

        if (result.Succeeded && person.Email is { } email && await db.Set<Person>().AnyAsync(p => p.Email == email && p.Id != person.Id, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.Email), $"{email} is already on the list, for someone else."));
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        person.LinkAccount(await Accounts.Find(db, person.Email, ct));
        if (c.Id is null)
        {
            db.Add(person);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? person.Id : Result<Guid>.From(result);
    }
}

/// <summary>The OpenIsms account of a person, by e-mail address.</summary>
internal static class Accounts
{
    public static async Task<string?> Find(OpenIsmsDbContext db, string? email, CancellationToken ct) =>
        email is null ? null : await db.Set<AppUser>().Where(u => u.Email != null && u.Email.ToLower() == email).Select(u => u.Id).FirstOrDefaultAsync(ct);
}
