using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Reviews;

/// <summary>Schedules a management review, or changes its date, chair or attendees until its pack is frozen.</summary>
public sealed class ScheduleReview(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public DateOnly? ScheduledOn { get; set; }

        public string? ChairId { get; set; }

        public string? Attendees { get; set; }

        public int Version { get; set; }

        public static Command From(ManagementReview r) => new()
        {
            Id = r.Id, Title = r.Title, ScheduledOn = r.ScheduledOn, ChairId = r.ChairId, Attendees = r.Attendees, Version = r.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (review, failure) = await db.LoadOrCreate(c.Id, c.Version, ReviewPermissions.Hold, () => new ManagementReview(), ct: ct);
        if (review is null)
        {
            return Result<Guid>.From(failure!);
        }

        if (review.State != ReviewState.Scheduled)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("", "The review's pack is frozen: its date and chair stay as they were at the meeting.")));
        }

        var result = review.Update(c);
        if (result.Succeeded && await Owners.Check(db, c.ChairId, ReviewPermissions.Read, nameof(Command.ChairId), "a management review", ct) is { } chair)
        {
            result = Result.Invalid(chair);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            review.NumberOnSave();
            db.Add(review);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? review.Id : Result<Guid>.From(result);
    }
}

/// <summary>
/// Freezes a review's input pack at the meeting: compiled from the live records once more, stored as it is with its
/// SHA-256 (which the activity log records with the change). A frozen pack is never compiled or changed again.
/// </summary>
public sealed class FreezeReviewPack(OpenIsmsDbContext db, GetReviewPack pack)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (review, failure) = await db.LoadForChange<ManagementReview>(id, version, ReviewPermissions.Hold, ct: ct);
        if (review is null)
        {
            return failure!;
        }

        if (review.State != ReviewState.Scheduled)
        {
            return Result.Invalid(new FieldError("", $"The pack was frozen on {review.FrozenAt:d MMM yyyy HH:mm} UTC by {review.FrozenBy}, with SHA-256 {review.PackSha256}. A frozen pack cannot be changed: what leadership saw stays as it was."));
        }

        var json = (await pack.Handle(id, ct)).ToJson();
        review.Freeze(json, ReviewPack.Sha256(json), db.Clock.UtcNow, db.CurrentUser.DisplayName);
        return await db.SaveAsync(ct);
    }
}
