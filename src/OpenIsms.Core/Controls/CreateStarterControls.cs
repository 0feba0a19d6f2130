using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Controls;

/// <summary>
/// On request, one control per Annex A control that nothing implements yet, named after it and "not started", for
/// the organisation to edit into its own. Running it again adds only what is still missing.
/// </summary>
public sealed class CreateStarterControls(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ControlPermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var missing = await db.SoaControls().AsNoTracking()
            .Where(r => !db.Set<ControlRequirement>().Any(x => x.RequirementId == r.Id))
            .OrderBy(r => r.SortOrder).Select(r => new { r.Id, r.Code, r.Title }).ToListAsync(ct);
        var ids = missing.Select(r => r.Id).ToList();

        // The framework's own control-type attribute, where it has one (ISO/IEC 27002's Preventive, Detective, Corrective).
        string[] types = [nameof(ControlType.Preventive), nameof(ControlType.Detective), nameof(ControlType.Corrective)];
        var typed = (await db.Set<RequirementAttribute>().AsNoTracking().Where(a => ids.Contains(a.RequirementId) && types.Contains(a.Value))
            .Select(a => new { a.RequirementId, a.Value }).ToListAsync(ct)).ToLookup(a => a.RequirementId, a => a.Value);
        var next = await References.Highest(db.Set<Control>().Select(x => x.Reference), "CTL-", ct);
        foreach (var requirement in missing)
        {
            var control = new Control();
            var values = typed[requirement.Id].ToList();
            var type = values.Contains(nameof(ControlType.Detective)) ? ControlType.Detective
                : values.Contains(nameof(ControlType.Corrective)) && !values.Contains(nameof(ControlType.Preventive)) ? ControlType.Corrective
                : ControlType.Preventive;
            control.NumberAutomatically();
            control.Update(
                new SaveControl.Command { Name = requirement.Title, Description = $"Our implementation of {requirement.Code}. Describe how it is done here.", Type = type, Frequency = ControlFrequency.Continuous, Status = ControlStatus.NotStarted },
                $"CTL-{++next:000}");
            db.Add(control);
            db.Add(new ControlRequirement { ControlId = control.Id, RequirementId = requirement.Id });
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? missing.Count : Result<int>.From(saved);
    }
}
