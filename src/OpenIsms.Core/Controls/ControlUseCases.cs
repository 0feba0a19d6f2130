using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

/// <summary>The organisation's controls, filtered and paged in SQL, with the Annex A controls each implements.</summary>
public sealed class ListControls(OpenIsmsDbContext db)
{
    public sealed record Query(string? Search = null, ControlStatus? Status = null, string? OwnerId = null, string? AnnexA = null, int Page = 1, int PageSize = 25);

    public sealed record Row(Guid Id, string Reference, string Name, string? OwnerName, ControlType Type, ControlFrequency Frequency, ControlStatus Status, IReadOnlyList<string> Implements);

    public async Task<Page<Row>> Handle(Query query, CancellationToken ct = default)
    {
        var q = db.Set<Control>().AsNoTracking();
        if (query.Status is { } status)
        {
            q = q.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.OwnerId))
        {
            q = q.Where(c => c.OwnerId == query.OwnerId);
        }

        if (!string.IsNullOrWhiteSpace(query.AnnexA))
        {
            var code = query.AnnexA.Trim();
            q = q.Where(c => db.Set<ControlRequirement>().Any(x => x.ControlId == c.Id && db.SoaControls().Any(r => r.Id == x.RequirementId && r.Code == code)));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(c => EF.Functions.Like(c.Reference.ToLower(), term) || EF.Functions.Like(c.Name.ToLower(), term) || EF.Functions.Like((c.Description ?? "").ToLower(), term));
        }

        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(c => c.Reference).Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.Reference, c.Name, Owner = db.Set<AppUser>().Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), c.Type, c.Frequency, c.Status })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var implements = (await (from x in db.Set<ControlRequirement>() where ids.Contains(x.ControlId)
                                 join r in db.Set<Requirement>() on x.RequirementId equals r.Id
                                 orderby r.SortOrder
                                 select new { x.ControlId, r.Code }).ToListAsync(ct)).ToLookup(x => x.ControlId, x => x.Code);
        return new Page<Row>(rows.Select(r => new Row(r.Id, r.Reference, r.Name, r.Owner, r.Type, r.Frequency, r.Status, implements[r.Id].ToList())).ToList(), page, size, total);
    }
}

/// <summary>A control with the Annex A controls it implements and the risks whose treatment plans on those (the first ones and the count).</summary>
public sealed class GetControl(OpenIsmsDbContext db)
{
    /// <summary>How many treated risks the page names; the register, filtered by the Annex A control, lists them all.</summary>
    public const int NamedRisks = 20;

    public sealed record RequirementRef(Guid Id, string Code, string Title);

    public sealed record RiskRef(Guid Id, string Reference, string Title, RiskStatus Status);

    public sealed record View(Control Control, string? OwnerName, IReadOnlyList<RequirementRef> Implements, IReadOnlyList<RiskRef> Treats, int TreatsCount);

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var control = await db.Set<Control>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (control is null)
        {
            return null;
        }

        var owner = control.OwnerId is null ? null : await db.Set<AppUser>().Where(u => u.Id == control.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var implements = await (from x in db.Set<ControlRequirement>() where x.ControlId == id
                                join r in db.Set<Requirement>() on x.RequirementId equals r.Id
                                orderby r.SortOrder
                                select new RequirementRef(r.Id, r.Code, r.Title)).ToListAsync(ct);
        var requirementIds = implements.Select(r => r.Id).ToList();
        var treating = db.Set<Risk>().AsNoTracking()
            .Where(r => r.Status != RiskStatus.Closed && db.Set<RiskControl>().Any(x => x.RiskId == r.Id && requirementIds.Contains(x.RequirementId)));

        // Counted from the links' side (an index range per Annex A control), not by testing every risk.
        var count = requirementIds.Count == 0 ? 0 : await (from x in db.Set<RiskControl>()
                                                           where requirementIds.Contains(x.RequirementId)
                                                           join r in db.Set<Risk>() on x.RiskId equals r.Id
                                                           where r.Status != RiskStatus.Closed
                                                           select x.RiskId).Distinct().CountAsync(ct);
        var treats = count == 0 ? [] : await treating.OrderBy(r => r.Reference).Take(NamedRisks).Select(r => new RiskRef(r.Id, r.Reference, r.Title, r.Status)).ToListAsync(ct);
        return new View(control, owner, implements, treats, count);
    }
}

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
            var (found, failure) = await db.LoadForChange<Control>(id, c.Version, Permissions.ControlsEdit, ct);
            if (found is null)
            {
                return Result<Guid>.From(failure!);
            }

            control = found;
        }
        else if (!db.CurrentUser.Has(Permissions.ControlsEdit))
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

/// <summary>Deletes a control and its links, each recorded in the activity log.</summary>
public sealed class DeleteControl(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, int version, CancellationToken ct = default)
    {
        var (control, failure) = await db.LoadForChange<Control>(id, version, Permissions.ControlsEdit, ct);
        if (control is null)
        {
            return failure!;
        }

        // Everything the database would otherwise change by itself (cascades, links set to null) is loaded and changed
        // here, so that each change is in the activity log and no record differs from its last entry afterwards.
        db.RemoveRange(await db.Set<ControlRequirement>().Where(x => x.ControlId == id).ToListAsync(ct));
        var tasks = await db.Set<ControlTask>().Where(x => x.ControlId == id).ToListAsync(ct);
        var taskIds = tasks.Select(t => (Guid?)t.Id).ToList();
        db.RemoveRange(tasks);

        // The evidence itself stays (an auditor may still ask for it); only its links to this control and its runs go.
        db.RemoveRange(await db.Set<Evidence.EvidenceControl>().Where(x => x.ControlId == id).ToListAsync(ct));
        foreach (var evidence in await db.Set<Evidence.Evidence>().Where(e => e.ControlId == id || taskIds.Contains(e.ControlTaskId)).ToListAsync(ct))
        {
            evidence.Detach(id, taskIds);
        }

        db.Remove(control);
        return await db.SaveAsync(ct);
    }
}

/// <summary>
/// On request, one control per Annex A control that nothing implements yet, named after it and "not started", for
/// the organisation to edit into its own. Running it again adds only what is still missing.
/// </summary>
public sealed class CreateStarterControls(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.ControlsEdit))
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
            control.Update(new Control.Details($"CTL-{++next:000}", requirement.Title, $"Our implementation of {requirement.Code}. Describe how it is done here.", null, type, ControlFrequency.Continuous, ControlStatus.NotStarted));
            db.Add(control);
            db.Add(new ControlRequirement { ControlId = control.Id, RequirementId = requirement.Id });
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? missing.Count : Result<int>.From(saved);
    }
}
