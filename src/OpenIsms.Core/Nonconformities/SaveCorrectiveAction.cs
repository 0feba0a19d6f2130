using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Nonconformities;

/// <summary>
/// Adds a corrective action to a nonconformity whose cause is analysed, or edits an open one: what, who, by when, with what.
/// </summary>
public sealed class SaveCorrectiveAction(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? DueOn { get; set; }

        public string? Resources { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result<Guid>> Handle(Guid nonconformityId, Command c, CancellationToken ct = default)
    {
        // The action carries the version checked; the nonconformity is read for its state and round only.
        var nc = await db.Set<Nonconformity>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == nonconformityId, ct);
        if (nc is null || !db.CurrentUser.Has(NonconformityPermissions.Edit))
        {
            return Result<Guid>.From(nc is null ? Result.NotFound() : Result.Forbidden());
        }

        if (nc.State is not (NonconformityState.CauseFound or NonconformityState.ActionsPlanned))
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("", nc.State is NonconformityState.Implemented or NonconformityState.Closed
                ? "Its actions are implemented; no more can be added. If they did not work, the effectiveness check reopens it."
                : $"Corrective actions come after the root cause is analysed. {nc.Next()}")));
        }

        var (action, actionFailure) = await db.LoadOrCreate(c.Id, c.Version, NonconformityPermissions.Edit, () => CorrectiveAction.For(nc),
            a => a.NonconformityId == nonconformityId, ct);
        if (action is null)
        {
            return Result<Guid>.From(actionFailure!);
        }

        if (action.Status != CorrectiveActionStatus.Open)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("", "It is finished; its record stays as it is.")));
        }

        var result = action.Update(c, await db.Clock.Today(ct));
        if (result.Succeeded && nc.EffectivenessDueOn is { } check && c.DueOn > check)
        {
            result = Result.Invalid(new FieldError(nameof(Command.DueOn), $"The plan checks effectiveness on {check:d MMM yyyy}: an action must be due by then."));
        }

        if (result.Succeeded && await Owners.Check(db, c.OwnerId, NonconformityPermissions.Edit, nameof(Command.OwnerId), "a corrective action", ct) is { } owner)
        {
            result = Result.Invalid(owner);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(action);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? action.Id : Result<Guid>.From(result);
    }
}

/// <summary>Records a corrective action as done (with what was done) or cancelled (with why).</summary>
public sealed class FinishCorrectiveAction(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public bool Done { get; set; } = true;

        public string? Outcome { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result> Handle(Guid nonconformityId, Guid actionId, Command c, CancellationToken ct = default)
    {
        var (action, failure) = await db.LoadForChange<CorrectiveAction>(actionId, c.Version, NonconformityPermissions.Edit, a => a.NonconformityId == nonconformityId, ct);
        if (action is null)
        {
            return failure!;
        }

        var result = action.Finish(c.Done, c.Outcome, await db.Clock.Today(ct));
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
