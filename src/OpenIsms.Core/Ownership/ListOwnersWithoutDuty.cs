using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Ownership;

/// <summary>
/// Records whose owner can no longer do the owner's duties — deactivated, or their role changed since — for an
/// administrator to hand over. Each kind is read in SQL (NOT EXISTS against the eligible people), the first 100 of each.
/// </summary>
public sealed class ListOwnersWithoutDuty(OpenIsmsDbContext db)
{
    public const int Shown = 100;

    /// <summary>The kinds of record that have an owner; the page turns a kind and its ids into a link.</summary>
    public enum OwnedKind
    {
        Asset,
        Risk,
        Control,
        TreatmentAction,
    }

    public sealed record Row
    {
        public required OwnedKind Kind { get; init; }

        public required Guid Id { get; init; }

        /// <summary>The record this one belongs to (a treatment action's risk), if any.</summary>
        public Guid? ParentId { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required string OwnerId { get; init; }

        public required string OwnerName { get; init; }
    }

    public sealed record Group(OwnedKind Kind, int Total, IReadOnlyList<Row> Rows);

    public async Task<IReadOnlyList<Group>?> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(UserPermissions.Manage))
        {
            return null;
        }

        var assets = Owners.Eligible(db, OwnerDuties.Asset);
        var risks = Owners.Eligible(db, OwnerDuties.Risk);
        var controls = Owners.Eligible(db, OwnerDuties.Control);
        var actions = Owners.Eligible(db, OwnerDuties.TreatmentAction);
        return
        [
            await Read(OwnedKind.Asset, db.Set<Asset>().Where(a => a.OwnerId != null && !assets.Any(u => u.Id == a.OwnerId))
                .OrderBy(a => a.Reference).Select(a => new Raw
                {
                    Id = a.Id,
                    Reference = a.Reference,
                    Name = a.Name,
                    OwnerId = a.OwnerId!,
                }), ct),
            await Read(OwnedKind.Risk, db.Set<Risk>().Where(r => !risks.Any(u => u.Id == r.OwnerId) && r.Status != RiskStatus.Closed)
                .OrderBy(r => r.Reference).Select(r => new Raw
                {
                    Id = r.Id,
                    Reference = r.Reference,
                    Name = r.Title,
                    OwnerId = r.OwnerId,
                }), ct),
            await Read(OwnedKind.Control, db.Set<Control>().Where(c => c.OwnerId != null && !controls.Any(u => u.Id == c.OwnerId))
                .OrderBy(c => c.Reference).Select(c => new Raw
                {
                    Id = c.Id,
                    Reference = c.Reference,
                    Name = c.Name,
                    OwnerId = c.OwnerId!,
                }), ct),
            await Read(OwnedKind.TreatmentAction, from a in db.Set<TreatmentAction>()
                                            where a.OwnerId != null && !actions.Any(u => u.Id == a.OwnerId)
                                                  && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled
                                            join r in db.Set<Risk>() on a.RiskId equals r.Id
                                            orderby r.Reference, a.Title
                                            select new Raw
                                            {
                                                Id = a.Id,
                                                Reference = r.Reference,
                                                Name = a.Title,
                                                OwnerId = a.OwnerId!,
                                                ParentId = r.Id,
                                            }, ct),
        ];
    }

    private sealed record Raw
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required string OwnerId { get; init; }

        public Guid? ParentId { get; init; }
    }

    private async Task<Group> Read(OwnedKind kind, IQueryable<Raw> query, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var rows = await query.AsNoTracking().Take(Shown).ToListAsync(ct);
        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var names = await db.Set<AppUser>().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new Group(kind, total, rows.Select(r => new Row
        {
            Kind = kind,
            Id = r.Id,
            ParentId = r.ParentId,
            Reference = r.Reference,
            Name = r.Name,
            OwnerId = r.OwnerId,
            OwnerName = names.GetValueOrDefault(r.OwnerId, "—"),
        }).ToList());
    }
}
