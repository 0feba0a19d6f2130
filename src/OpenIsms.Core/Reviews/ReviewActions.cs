using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Reviews;

/// <summary>Adds an action decided at a review (once its pack is frozen): what, who, by when.</summary>
public sealed class AddReviewAction(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public string? Title { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? DueOn { get; set; }
    }

    public async Task<Result<Guid>> Handle(Guid reviewId, Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ReviewPermissions.Hold))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var state = await db.Set<ManagementReview>().Where(r => r.Id == reviewId).Select(r => (ReviewState?)r.State).FirstOrDefaultAsync(ct);
        if (state is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        if (state != ReviewState.Frozen)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("", state == ReviewState.Scheduled
                ? "Actions are decided at the meeting: freeze the pack when it begins, then add them."
                : "The review is concluded: its minutes and actions are final. Record new work as an improvement or at the next review.")));
        }

        var action = new ReviewAction { ReviewId = reviewId };
        var result = action.Set(c.Title, c.OwnerId, c.DueOn);
        if (result.Succeeded && await Owners.Check(db, c.OwnerId, ReviewPermissions.Read, nameof(Command.OwnerId), "a review action", ct) is { } owner)
        {
            result = Result.Invalid(owner);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        db.Add(action);
        result = await db.SaveAsync(ct);
        return result.Succeeded ? action.Id : Result<Guid>.From(result);
    }
}

/// <summary>Records a review action as done (what was done) or cancelled (why); its owner or whoever holds reviews may.</summary>
public sealed class FinishReviewAction(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public bool Done { get; set; } = true;

        public string? Outcome { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result> Handle(Guid reviewId, Guid actionId, Command c, CancellationToken ct = default)
    {
        var action = await db.Set<ReviewAction>().FirstOrDefaultAsync(a => a.Id == actionId && a.ReviewId == reviewId, ct);
        if (action is null)
        {
            return Result.NotFound();
        }

        if (action.OwnerId != db.CurrentUser.UserId && !db.CurrentUser.Has(ReviewPermissions.Hold))
        {
            return Result.Forbidden();
        }

        if (db.CheckVersion(action, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = action.Finish(c.Done, c.Outcome, await db.Clock.Today(ct));
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
