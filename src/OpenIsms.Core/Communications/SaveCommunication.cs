using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Communications;

/// <summary>Adds or edits a line of the communication plan.</summary>
public sealed class SaveCommunication(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Subject { get; set; }

        public string? Description { get; set; }

        public string? Audience { get; set; }

        public CommunicationReach Reach { get; set; }

        public string? Channel { get; set; }

        public string? OwnerId { get; set; }

        public CommunicationFrequency Frequency { get; set; } = CommunicationFrequency.Quarterly;

        public string? Trigger { get; set; }

        public DateOnly? NextDueOn { get; set; }

        public bool Stopped { get; set; }

        public int Version { get; set; }

        public static Command From(CommunicationItem c) => new()
        {
            Id = c.Id, Subject = c.Subject, Description = c.Description, Audience = c.Audience, Reach = c.Reach, Channel = c.Channel, OwnerId = c.OwnerId,
            Frequency = c.Frequency, Trigger = c.Trigger, NextDueOn = c.NextDueOn, Stopped = c.Stopped, Version = c.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (item, failure) = await db.LoadOrCreate(c.Id, c.Version, CommunicationPermissions.Edit, () => new CommunicationItem(), ct: ct);
        if (item is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = item.Update(c, await db.Clock.Today(ct), creating: c.Id is null);
        if (result.Succeeded && await Owners.Check(db, c.OwnerId, CommunicationPermissions.Edit, nameof(Command.OwnerId), "a communication", ct) is { } owner)
        {
            result = Result.Invalid(owner);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(item);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? item.Id : Result<Guid>.From(result);
    }
}

/// <summary>Removes a line of the plan added by mistake, with its records (the activity log keeps what they were).</summary>
public sealed class DeleteCommunication(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<CommunicationItem>(id, version, CommunicationPermissions.Edit, ct);
}
