using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>The current user's risk work for "My work": reviews due, actions due, sign-offs expiring, approvals waiting.</summary>
public sealed class GetRiskWork(OpenIsmsDbContext db)
{
    public const int LookAheadDays = 30;

    public sealed record Item
    {
        public required Guid RiskId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string What { get; init; }

        public required DateOnly? Due { get; init; }

        public required bool Overdue { get; init; }
    }

    public sealed record View(IReadOnlyList<Item> Reviews, IReadOnlyList<Item> Actions, IReadOnlyList<Item> Expiring, IReadOnlyList<Item> AwaitingApproval);

    public async Task<View> Handle(CancellationToken ct = default)
    {
        var userId = db.CurrentUser.UserId;
        if (userId is null || !db.CurrentUser.Has(RiskPermissions.Read))
        {
            return new View([], [], [], []);
        }

        var today = await db.Clock.Today(ct);
        var horizon = today.AddDays(LookAheadDays);
        var reviews = await db.Set<Risk>().AsNoTracking()
            .Where(r => r.OwnerId == userId && r.Status != RiskStatus.Closed && (r.NextReview == null || r.NextReview <= horizon))
            .OrderBy(r => r.NextReview).ThenBy(r => r.Reference).Take(50)
            .Select(r => new Item
            {
                RiskId = r.Id,
                Reference = r.Reference,
                Title = r.Title,
                What = r.NextReview == null ? "Not assessed yet" : "Review due",
                Due = r.NextReview,
                Overdue = r.NextReview != null && r.NextReview < today,
            })
            .ToListAsync(ct);
        var actions = await (from a in db.Set<TreatmentAction>().AsNoTracking()
                             join r in db.Set<Risk>() on a.RiskId equals r.Id
                             where a.OwnerId == userId && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.Due != null && a.Due <= horizon
                             orderby a.Due, r.Reference
                             select new Item
                             {
                                 RiskId = r.Id,
                                 Reference = r.Reference,
                                 Title = r.Title,
                                 What = a.Title,
                                 Due = a.Due,
                                 Overdue = a.Due < today,
                             }).Take(50).ToListAsync(ct);
        var expiring = await (from a in db.Set<RiskAcceptance>().AsNoTracking()
                              join r in db.Set<Risk>() on a.RiskId equals r.Id
                              where r.OwnerId == userId && a.Status == AcceptanceStatus.Accepted && a.ExpiresOn <= horizon
                              orderby a.ExpiresOn, r.Reference
                              select new Item
                              {
                                  RiskId = r.Id,
                                  Reference = r.Reference,
                                  Title = r.Title,
                                  What = "Acceptance " + (a.ExpiresOn < today ? "expired" : "expires"),
                                  Due = a.ExpiresOn,
                                  Overdue = a.ExpiresOn < today,
                              })
            .Take(50).ToListAsync(ct);
        var awaiting = db.CurrentUser.Has(RiskPermissions.Approve)
            ? await (from a in db.Set<RiskAcceptance>().AsNoTracking()
                     join r in db.Set<Risk>() on a.RiskId equals r.Id
                     where a.Status == AcceptanceStatus.AwaitingManagement
                     orderby a.AcceptedAt
                     select new Item
                     {
                         RiskId = r.Id,
                         Reference = r.Reference,
                         Title = r.Title,
                         What = a.ResidualLevelName + " residual risk accepted by " + a.AcceptedByName,
                         Due = null,
                         Overdue = false,
                     })
                .Take(50).ToListAsync(ct)
            : [];
        return new View(reviews, actions, expiring, awaiting);
    }
}
