using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Objectives;

/// <summary>Adds or edits an information security objective and its plan.</summary>
public sealed class SaveObjective(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? PolicyLink { get; set; }

        public string? Target { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? DueOn { get; set; }

        public string? Actions { get; set; }

        public string? Resources { get; set; }

        public string? Responsible { get; set; }

        public string? Evaluation { get; set; }

        public ObjectiveStatus Status { get; set; }

        public int Version { get; set; }

        public static Command From(Objective o) => new()
        {
            Id = o.Id, Title = o.Title, Description = o.Description, PolicyLink = o.PolicyLink, Target = o.Target, OwnerId = o.OwnerId, DueOn = o.DueOn,
            Actions = o.Actions, Resources = o.Resources, Responsible = o.Responsible, Evaluation = o.Evaluation, Status = o.Status, Version = o.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (objective, failure) = await db.LoadOrCreate(c.Id, c.Version, ObjectivePermissions.Edit, () => new Objective(), ct: ct);
        if (objective is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = objective.Update(c);
        if (result.Succeeded && await Owners.Check(db, c.OwnerId, ObjectivePermissions.Read, nameof(Command.OwnerId), "an objective", ct) is { } owner)
        {
            result = Result.Invalid(owner);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(objective);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? objective.Id : Result<Guid>.From(result);
    }
}
