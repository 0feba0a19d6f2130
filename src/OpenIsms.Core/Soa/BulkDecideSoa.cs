using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Soa;

/// <summary>One decision for many rows at once — the chosen ones, or every row not decided yet — checked as a whole, saved in one transaction.</summary>
public sealed class BulkDecideSoa(OpenIsmsDbContext db)
{
    public sealed record Command(IReadOnlyCollection<string> Codes, bool AllUndecided, SoaEntry.Decision Decision);

    public async Task<Result<int>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ControlPermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        if (c.Decision.Applicable is null)
        {
            return Result<int>.From(Result.Invalid(new FieldError("Bulk", "Choose what to record for the rows.")));
        }

        var requirements = await db.SoaControls().Select(r => new { r.Id, r.Code }).ToListAsync(ct);
        var entries = await db.Set<SoaEntry>().ToDictionaryAsync(e => e.RequirementId, ct);
        var treated = (await db.Set<RiskControl>().Select(x => x.RequirementId).Distinct().ToListAsync(ct)).ToHashSet();
        var chosen = c.AllUndecided
            ? requirements.Where(r => !entries.TryGetValue(r.Id, out var e) || e.Applicable is null).ToList()
            : requirements.Where(r => c.Codes.Contains(r.Code)).ToList();
        if (chosen.Count == 0)
        {
            return Result<int>.From(Result.Invalid(new FieldError("Bulk", c.AllUndecided ? "Every row is decided already." : "Tick the rows to apply it to.")));
        }

        foreach (var requirement in chosen)
        {
            if (!entries.TryGetValue(requirement.Id, out var entry))
            {
                entry = new SoaEntry { RequirementId = requirement.Id };
                db.Add(entry);
            }

            var result = entry.Decide(c.Decision with { StatusOverride = entry.StatusOverride, OverrideReason = entry.OverrideReason, Notes = entry.Notes }, treated.Contains(requirement.Id));
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Result<int>.From(Result.Invalid(result.Errors.Select(e => new FieldError("Bulk", $"{requirement.Code}: {e.Message}")).ToList()));
            }
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? chosen.Count : Result<int>.From(saved);
    }
}
