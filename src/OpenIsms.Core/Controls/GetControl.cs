using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

/// <summary>A control with the Annex A controls it implements and the risks whose treatment plans on those (the first ones and the count).</summary>
public sealed class GetControl(OpenIsmsDbContext db)
{
    /// <summary>How many treated risks the page names; the register, filtered by the Annex A control, lists them all.</summary>
    public const int NamedRisks = 20;

    public sealed record RequirementRef(Guid Id, string Framework, string Code, string Title);

    public sealed record RiskRef(Guid Id, string Reference, string Title, RiskStatus Status);

    public sealed record View
    {
        public required Control Control { get; init; }

        public required string? OwnerName { get; init; }

        public required IReadOnlyList<RequirementRef> Implements { get; init; }

        public required IReadOnlyList<RiskRef> Treats { get; init; }

        public required int TreatsCount { get; init; }

        /// <summary>The control as its edit form and the API's PUT take it; <paramref name="nextDue"/> is its open run's due date.</summary>
        public SaveControl.Command ToCommand(DateOnly? nextDue = null) => new()
        {
            Id = Control.Id, Reference = Control.Reference, Name = Control.Name, Description = Control.Description, OwnerId = Control.OwnerId,
            Type = Control.Type, Frequency = Control.Frequency, Status = Control.Status, RequirementIds = Implements.Select(r => r.Id).ToList(),
            NextDue = nextDue, OriginalNextDue = nextDue, Version = Control.Version,
        };
    }

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
                                select new RequirementRef(r.Id, r.FrameworkId, r.Code, r.Title)).ToListAsync(ct);
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
        return new View { Control = control, OwnerName = owner, Implements = implements, Treats = treats, TreatsCount = count };
    }
}
