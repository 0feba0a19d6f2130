using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>Adds or edits an action of a risk's treatment plan.</summary>
public sealed class SaveTreatmentAction(OpenIsmsDbContext db)
{
    public sealed record Command(Guid RiskId, Guid? Id, string Title, string? Description, string? OwnerId, DateOnly? Due, ActionStatus Status, Guid? RequirementId, int Version);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(RiskPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        if (!await db.Set<Risk>().AnyAsync(r => r.Id == c.RiskId, ct))
        {
            return Result<Guid>.From(Result.NotFound());
        }

        TreatmentAction action;
        if (c.Id is { } id)
        {
            var found = await db.Set<TreatmentAction>().FirstOrDefaultAsync(a => a.Id == id && a.RiskId == c.RiskId, ct);
            if (found is null)
            {
                return Result<Guid>.From(Result.NotFound());
            }

            if (db.CheckVersion(found, c.Version) is { } conflict)
            {
                return Result<Guid>.From(Result.Stale(conflict));
            }

            action = found;
        }
        else
        {
            action = TreatmentAction.For(c.RiskId);
        }

        var errors = new List<FieldError>();
        if (await Owners.Check(db, c.OwnerId, Security.OwnerDuties.TreatmentAction, nameof(TreatmentAction.OwnerId), "treatment actions", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        if (c.RequirementId is { } requirementId && !await db.SoaControls().AnyAsync(r => r.Id == requirementId, ct))
        {
            errors.Add(new FieldError(nameof(TreatmentAction.RequirementId), "Choose an Annex A control from the catalogue."));
        }

        var result = action.Update(new TreatmentAction.Details(c.Title ?? "", c.Description, c.OwnerId, c.Due, c.Status, c.RequirementId), db.Clock.UtcNow);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            db.Add(action);
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? action.Id : Result<Guid>.From(saved);
    }
}
