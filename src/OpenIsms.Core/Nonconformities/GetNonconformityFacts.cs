using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Nonconformities;

/// <summary>
/// What readiness asks of clause 10.2 — nonconformities taken through to an effectiveness check, none major left open —
/// and the current user's part: the nonconformities they answer for, their corrective actions, and the checks due.
/// </summary>
public sealed class GetNonconformityFacts(OpenIsmsDbContext db)
{
    public sealed record Mine
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required NonconformityState State { get; init; }

        public DateOnly? DueOn { get; init; }
    }

    public sealed record MyAction
    {
        public required Guid Id { get; init; }

        public required Guid NonconformityId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required DateOnly DueOn { get; init; }
    }

    public sealed record Facts
    {
        public required int Open { get; init; }

        public required int OpenMajor { get; init; }

        public required int Closed { get; init; }

        /// <summary>Open corrective actions past their date.</summary>
        public required int ActionsOverdue { get; init; }

        /// <summary>Effectiveness checks past their date.</summary>
        public required int ChecksOverdue { get; init; }

        /// <summary>Open ones the current user answers for, waiting for a step other than the actions or the check.</summary>
        public required IReadOnlyList<Mine> MyNonconformities { get; init; }

        public required IReadOnlyList<MyAction> MyActions { get; init; }

        /// <summary>Effectiveness checks due within a week (for those who may check).</summary>
        public required IReadOnlyList<Mine> ChecksDue { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var ncs = db.Set<Nonconformity>().AsNoTracking();
        var counts = await ncs.GroupBy(n => new { Closed = n.State == NonconformityState.Closed, n.Severity }).Select(g => new { g.Key.Closed, g.Key.Severity, Count = g.Count() }).ToListAsync(ct);
        var userId = db.CurrentUser.UserId;
        var week = today.AddDays(7);
        var checking = new[] { NonconformityState.ActionsPlanned, NonconformityState.Implemented };
        return new Facts
        {
            Open = counts.Where(c => !c.Closed).Sum(c => c.Count),
            OpenMajor = counts.Where(c => !c.Closed && c.Severity == NonconformitySeverity.Major).Sum(c => c.Count),
            Closed = counts.Where(c => c.Closed).Sum(c => c.Count),
            ActionsOverdue = await db.Set<CorrectiveAction>().CountAsync(a => a.Status == CorrectiveActionStatus.Open && a.DueOn < today, ct),
            ChecksOverdue = await ncs.CountAsync(n => checking.Contains(n.State) && n.EffectivenessDueOn < today, ct),
            MyNonconformities = userId is null ? [] : await ncs
                .Where(n => n.OwnerId == userId && (n.State == NonconformityState.Raised || n.State == NonconformityState.Corrected || n.State == NonconformityState.Reopened
                    || n.State == NonconformityState.CauseFound || (n.State == NonconformityState.ActionsPlanned
                        && !db.Set<CorrectiveAction>().Any(a => a.NonconformityId == n.Id && a.Round == n.Round && a.Status == CorrectiveActionStatus.Open))))
                .OrderBy(n => n.RaisedOn).Take(20).Select(n => new Mine { Id = n.Id, Reference = n.Reference, Title = n.Title, State = n.State }).ToListAsync(ct),
            MyActions = userId is null ? [] : await db.Set<CorrectiveAction>().AsNoTracking()
                .Where(a => a.OwnerId == userId && a.Status == CorrectiveActionStatus.Open).OrderBy(a => a.DueOn).Take(20)
                .Select(a => new MyAction { Id = a.Id, NonconformityId = a.NonconformityId, Reference = ncs.Where(n => n.Id == a.NonconformityId).Select(n => n.Reference).First(), Title = a.Title, DueOn = a.DueOn }).ToListAsync(ct),
            ChecksDue = !db.CurrentUser.Has(NonconformityPermissions.Verify) ? [] : await ncs
                .Where(n => n.State == NonconformityState.Implemented && n.EffectivenessDueOn != null && n.EffectivenessDueOn <= week)
                .OrderBy(n => n.EffectivenessDueOn).Take(20).Select(n => new Mine { Id = n.Id, Reference = n.Reference, Title = n.Title, State = n.State, DueOn = n.EffectivenessDueOn }).ToListAsync(ct),
        };
    }
}
