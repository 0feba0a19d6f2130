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
    /// <summary>
    /// A control as the form, the API and the starter set give it: the page binds it (<c>Input.Name</c> …), the API takes it
    /// as its JSON body, <see cref="GetControl.View.ToCommand"/> fills it for editing, and <see cref="Control.Update"/> applies its rules.
    /// </summary>
    public sealed class Command
    {
        /// <summary>The control to edit; none to add one (the API takes it from the address).</summary>
        public Guid? Id { get; set; }

        /// <summary>Blank for a new control: the next number (CTL-001 …) is given when it is saved.</summary>
        public string? Reference { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? OwnerId { get; set; }

        public ControlType Type { get; set; }

        public ControlFrequency Frequency { get; set; }

        public ControlStatus Status { get; set; }

        /// <summary>The Annex A controls it implements, as the form's list gives them.</summary>
        public List<Guid>? RequirementIds { get; set; } = [];

        /// <summary>The same by code (A.5.15 …), as the API sends them; when given, they replace <see cref="RequirementIds"/>.</summary>
        public List<string>? Implements { get; set; }

        /// <summary>The next run's due date as the form shows it; <see cref="OriginalNextDue"/> is what it showed when opened.</summary>
        public DateOnly? NextDue { get; set; }

        public DateOnly? OriginalNextDue { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (control, failure) = await db.LoadOrCreate(c.Id, c.Version, ControlPermissions.Edit, () => new Control(), ct: ct);
        if (control is null)
        {
            return Result<Guid>.From(failure!);
        }

        var reference = await db.ChooseReference(control, c.Reference, c.Id is null, x => x.Name, "control", ct);
        var errors = new List<FieldError>();
        if (reference.Clash is { } clash)
        {
            errors.Add(clash);
        }

        if (await Owners.Check(db, c.OwnerId, Security.OwnerDuties.Control, nameof(Control.OwnerId), "controls", ct) is { } ownerError)
        {
            errors.Add(ownerError);
        }

        var requirementIds = (c.Implements is { } codes ? await ByCode(codes, ct) : c.RequirementIds ?? []).Distinct().ToList();
        if (await db.SoaControls().CountAsync(r => requirementIds.Contains(r.Id), ct) != requirementIds.Count)
        {
            errors.Add(new FieldError("RequirementIds", "Choose Annex A controls from the catalogue."));
        }

        var result = control.Update(c, reference.Reference);
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            db.AddNew(control, reference);
        }

        var links = await db.Set<ControlRequirement>().Where(x => x.ControlId == control.Id).ToListAsync(ct);
        db.RemoveRange(links.Where(x => !requirementIds.Contains(x.RequirementId)));
        db.AddRange(requirementIds.Where(r => links.All(x => x.RequirementId != r)).Select(r => new ControlRequirement { ControlId = control.Id, RequirementId = r }));
        // An unchanged date is not a decision: a run completed since the form was opened keeps the next date it opened.
        await ControlTaskSchedule.Sync(db, control, c.NextDue != c.OriginalNextDue ? c.NextDue : null, ct);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? control.Id : Result<Guid>.From(saved);
    }

    private async Task<List<Guid>> ByCode(List<string> codes, CancellationToken ct)
    {
        var all = await db.SoaControls().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase, ct);
        // An unknown code becomes an empty id, which is then reported as not a catalogue control.
        return codes.Select(code => all.TryGetValue(code.Trim(), out var id) ? id : Guid.Empty).ToList();
    }
}
