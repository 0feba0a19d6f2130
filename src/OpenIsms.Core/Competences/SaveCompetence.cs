using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Responsibilities;

namespace OpenIsms.Core.Competences;

/// <summary>Adds or edits a competence of the catalogue.</summary>
public sealed class SaveCompetence(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public CompetenceKind Kind { get; set; }

        public string? Description { get; set; }

        public int Version { get; set; }

        public static Command From(Competence c) => new() { Id = c.Id, Name = c.Name, Kind = c.Kind, Description = c.Description, Version = c.Version };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (competence, failure) = await db.LoadOrCreate(c.Id, c.Version, CompetencePermissions.Edit, () => new Competence(), ct: ct);
        if (competence is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = competence.Update(c);
        if (result.Succeeded && await db.Set<Competence>().AnyAsync(x => x.Name == competence.Name && x.Id != competence.Id, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.Name), $"There is already a competence called {competence.Name}."));
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(competence);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? competence.Id : Result<Guid>.From(result);
    }
}

/// <summary>Deletes a competence with the roles' needs for it, its evidence and actions (all in the activity log).</summary>
public sealed class DeleteCompetence(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<Competence>(id, version, CompetencePermissions.Edit, ct);
}

/// <summary>Says that a role needs a competence at a level (or changes the level); or, with <see cref="Remove"/>, no longer needs it.</summary>
public sealed class RequireCompetence(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? CompetenceId { get; set; }

        public Proficiency Level { get; set; } = Proficiency.Working;
    }

    public async Task<Result> Handle(Guid roleId, Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(CompetencePermissions.Edit) || !db.CurrentUser.Has(ResponsibilityPermissions.Edit))
        {
            return Result.Forbidden();
        }

        if (!await db.Set<IsmsRole>().AnyAsync(r => r.Id == roleId, ct))
        {
            return Result.NotFound();
        }

        if (c.CompetenceId is not { } competenceId || !await db.Set<Competence>().AnyAsync(x => x.Id == competenceId, ct))
        {
            return Result.Invalid(new FieldError(nameof(Command.CompetenceId), "Choose the competence from the list."));
        }

        if (!Enum.IsDefined(c.Level))
        {
            return Result.Invalid(new FieldError(nameof(Command.Level), "Choose a level."));
        }

        var existing = await db.Set<RoleCompetence>().FirstOrDefaultAsync(r => r.RoleId == roleId && r.CompetenceId == competenceId, ct);
        if (existing is null)
        {
            db.Add(RoleCompetence.Create(roleId, competenceId, c.Level));
        }
        else
        {
            existing.Require(c.Level);
        }

        return await db.SaveAsync(ct);
    }

    public async Task<Result> Remove(Guid roleId, Guid requirementId, int version, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ResponsibilityPermissions.Edit))
        {
            return Result.Forbidden();
        }

        var (requirement, failure) = await db.LoadForChange<RoleCompetence>(requirementId, version, CompetencePermissions.Edit, r => r.RoleId == roleId, ct);
        if (requirement is null)
        {
            return failure!;
        }

        db.Remove(requirement);
        return await db.SaveAsync(ct);
    }
}
