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
    /// <summary>
    /// An action as the risk page's quick form and the action's edit form give it: the pages bind it, <see cref="From"/> fills it
    /// for editing, and <see cref="TreatmentAction.Update"/> applies its rules. The risk comes from the address.
    /// </summary>
    public sealed class Command
    {
        public Guid RiskId { get; set; }

        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>What the action needs: people's time, budget, tools.</summary>
        public string? Resources { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? Due { get; set; }

        public ActionStatus Status { get; set; }

        /// <summary>The Annex A control the action puts in place, if any.</summary>
        public Guid? RequirementId { get; set; }

        public int Version { get; set; }

        public static Command From(Guid riskId, GetRisk.ActionRow action) => new()
        {
            RiskId = riskId, Id = action.Id, Title = action.Title, Description = action.Description, Resources = action.Resources, OwnerId = action.OwnerId, Due = action.Due,
            Status = action.Status, RequirementId = action.RequirementId, Version = action.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (db.CurrentUser.Has(RiskPermissions.Edit) && !await db.Set<Risk>().AnyAsync(r => r.Id == c.RiskId, ct))
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var (action, failure) = await db.LoadOrCreate(c.Id, c.Version, RiskPermissions.Edit, () => TreatmentAction.For(c.RiskId), a => a.RiskId == c.RiskId, ct);
        if (action is null)
        {
            return Result<Guid>.From(failure!);
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

        var result = action.Update(c, db.Clock.UtcNow);
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
