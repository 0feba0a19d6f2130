using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

/// <summary>Adds or edits a control and the Annex A controls it implements.</summary>
public sealed class SaveControl(OpenIsmsDbContext db)
{
    /// <param name="NextDue">The next run's due date as the form shows it; <paramref name="LoadedNextDue"/> is what it showed when opened.</param>
    public sealed record Command(Guid? Id, Control.Details Details, IReadOnlyCollection<Guid> RequirementIds, int Version, DateOnly? NextDue = null, DateOnly? LoadedNextDue = null);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        Control control;
        if (c.Id is { } id)
        {
            var (found, failure) = await db.LoadForChange<Control>(id, c.Version, ControlPermissions.Edit, ct);
            if (found is null)
            {
                return Result<Guid>.From(failure!);
            }

            control = found;
        }
        else if (!db.CurrentUser.Has(ControlPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }
        else
        {
            control = new Control();
        }

        var d = c.Details;
        if (string.IsNullOrWhiteSpace(d.Reference) && c.Id is null)
        {
            d = d with { Reference = Control.Prefix + "000" }; // numbered when saved, inside the log's lock
            control.NumberAutomatically();
        }

        var errors = new List<FieldError>();
        var reference = d.Reference?.Trim() ?? "";
        if (!string.IsNullOrWhiteSpace(c.Details.Reference) && await db.Set<Control>().Where(x => x.Reference == reference && x.Id != control.Id).Select(x => x.Name).FirstOrDefaultAsync(ct) is { } clash)
        {
            errors.Add(new FieldError(nameof(Control.Reference), $"{reference} is already used by the control \"{clash}\"."));
        }

        if (await Owners.Check(db, d.OwnerId, Security.OwnerDuties.Control, nameof(Control.OwnerId), "controls", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        var requirementIds = c.RequirementIds.Distinct().ToList();
        if (await db.SoaControls().CountAsync(r => requirementIds.Contains(r.Id), ct) != requirementIds.Count)
        {
            errors.Add(new FieldError("RequirementIds", "Choose Annex A controls from the catalogue."));
        }

        var result = control.Update(d);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            db.Add(control);
        }

        var links = await db.Set<ControlRequirement>().Where(x => x.ControlId == control.Id).ToListAsync(ct);
        db.RemoveRange(links.Where(x => !requirementIds.Contains(x.RequirementId)));
        db.AddRange(requirementIds.Where(r => links.All(x => x.RequirementId != r)).Select(r => new ControlRequirement { ControlId = control.Id, RequirementId = r }));
        // An unchanged date is not a decision: a run completed since the form was opened keeps the next date it opened.
        await ControlTaskSchedule.Sync(db, control, c.NextDue != c.LoadedNextDue ? c.NextDue : null, ct);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? control.Id : Result<Guid>.From(saved);
    }
}
