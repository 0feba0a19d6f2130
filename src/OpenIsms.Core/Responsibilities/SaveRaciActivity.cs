using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;

namespace OpenIsms.Core.Responsibilities;

/// <summary>Adds or edits a row of the RACI matrix with its letters, refused unless exactly one role is Accountable.</summary>
public sealed class SaveRaciActivity(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public RaciSubject Subject { get; set; }

        public string? ControlCode { get; set; }

        public int Position { get; set; }

        /// <summary>Role id → letter; a role left out (or blank) has no part in the row.</summary>
        public Dictionary<string, string?> Cells { get; set; } = [];

        public int Version { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (activity, failure) = await db.LoadOrCreate(c.Id, c.Version, ResponsibilityPermissions.Edit, () => new RaciActivity(), ct: ct);
        if (activity is null)
        {
            return Result<Guid>.From(failure!);
        }

        var roles = await db.Set<IsmsRole>().AsNoTracking().Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var errors = new List<FieldError>();
        var letters = new Dictionary<Guid, RaciLetter>();
        foreach (var (key, value) in c.Cells)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Guid.TryParse(key, out var roleId) || !roles.ContainsKey(roleId))
            {
                errors.Add(new FieldError("Cells", "One of the roles was deleted a moment ago. Reload the page and choose again."));
                continue;
            }

            if (!Enum.TryParse<RaciLetter>(value, out var letter) || !Enum.IsDefined(letter))
            {
                errors.Add(new FieldError("Cells", $"Choose R, A, A/R, C or I for {roles[roleId]}."));
                continue;
            }

            letters[roleId] = letter;
        }

        var controlCode = c.Subject == RaciSubject.Control ? Text.OrNull(c.ControlCode) : null;
        if (controlCode is not null && !await db.SoaControls().AnyAsync(x => x.Code == controlCode, ct))
        {
            errors.Add(new FieldError(nameof(Command.ControlCode), "Choose the control from the list."));
        }

        var update = activity.Update(c.Name, c.Subject, controlCode, c.Position);
        if (!update.Succeeded)
        {
            errors.InsertRange(0, update.Errors);
        }

        if (errors.Count == 0 && RaciActivity.CheckRow(letters.Select(l => (roles[l.Key], l.Value)).ToList()) is { } rule)
        {
            errors.Add(rule);
        }

        if (errors.Count == 0 && await db.Set<RaciActivity>().AnyAsync(a => a.Name == activity.Name && a.Id != activity.Id, ct))
        {
            errors.Add(new FieldError(nameof(Command.Name), $"The matrix already has a row called {activity.Name}."));
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        if (c.Id is null)
        {
            db.Add(activity);
        }

        else
        {
            // The row's version guards its cells too: two people changing letters at once are a conflict, not a merge.
            db.Entry(activity).State = EntityState.Modified;
        }

        var existing = c.Id is null ? [] : await db.Set<RaciCell>().Where(x => x.ActivityId == activity.Id).ToListAsync(ct);
        foreach (var cell in existing)
        {
            if (!letters.TryGetValue(cell.RoleId, out var letter))
            {
                db.Remove(cell);
            }
            else if (cell.Letter != letter)
            {
                cell.Set(letter);
            }
        }

        foreach (var (roleId, letter) in letters.Where(l => existing.All(e => e.RoleId != l.Key)))
        {
            db.Add(RaciCell.Create(activity.Id, roleId, letter));
        }

        var result = await db.SaveAsync(ct);
        return result.Succeeded ? activity.Id : Result<Guid>.From(result);
    }
}

/// <summary>Removes a row of the RACI matrix with its cells.</summary>
public sealed class DeleteRaciActivity(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<RaciActivity>(id, version, ResponsibilityPermissions.Edit, ct);
}
