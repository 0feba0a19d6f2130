using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Competences;

/// <summary>Plans an action to close a person's competence gap, or updates it (done, with what was done; or cancelled, with why).</summary>
public sealed class SaveCompetenceAction(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public Guid? CompetenceId { get; set; }

        public GapActionKind Kind { get; set; }

        public string? Description { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? DueOn { get; set; }

        public GapActionStatus Status { get; set; }

        public string? Outcome { get; set; }

        public int Version { get; set; }

        public static Command From(CompetenceAction a) => new()
        {
            Id = a.Id, CompetenceId = a.CompetenceId, Kind = a.Kind, Description = a.Description, OwnerId = a.OwnerId, DueOn = a.DueOn,
            Status = a.Status, Outcome = a.Outcome, Version = a.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Guid personId, Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(CompetencePermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        if (!await db.Set<Person>().AnyAsync(p => p.Id == personId, ct))
        {
            return Result<Guid>.From(Result.NotFound());
        }

        if (await Owners.Check(db, c.OwnerId, CompetencePermissions.Read, nameof(Command.OwnerId), "an action on competence", ct) is { } ownerError)
        {
            return Result<Guid>.From(Result.Invalid(ownerError));
        }

        var today = await db.Clock.Today(ct);
        if (c.Id is { } id)
        {
            var (action, failure) = await db.LoadForChange<CompetenceAction>(id, c.Version, CompetencePermissions.Edit, a => a.PersonId == personId, ct);
            if (action is null)
            {
                return Result<Guid>.From(failure!);
            }

            var update = action.Update(c, today);
            if (!update.Succeeded)
            {
                return Result<Guid>.From(update);
            }

            var saved = await db.SaveAsync(ct);
            return saved.Succeeded ? action.Id : Result<Guid>.From(saved);
        }

        if (c.CompetenceId is not { } competenceId || !await db.Set<Competence>().AnyAsync(x => x.Id == competenceId, ct))
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(nameof(Command.CompetenceId), "Choose the competence from the list.")));
        }

        var created = CompetenceAction.Create(personId, competenceId, c, today);
        if (!created.Succeeded)
        {
            return Result<Guid>.From(created);
        }

        db.Add(created.Value!);
        var result = await db.SaveAsync(ct);
        return result.Succeeded ? created.Value!.Id : Result<Guid>.From(result);
    }
}
