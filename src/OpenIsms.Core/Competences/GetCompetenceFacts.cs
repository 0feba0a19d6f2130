using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Competences;

/// <summary>
/// What a readiness check asks of clause 7.2: every competence a role needs is evidenced for its holders, or has an action
/// planned; nothing is about to lapse unnoticed. Also the current user's own part, for My work.
/// </summary>
public sealed class GetCompetenceFacts(OpenIsmsDbContext db)
{
    public sealed record MyAction(Guid PersonId, string Person, string Competence, DateOnly DueOn);

    public sealed record Facts
    {
        public required GetCompetenceMatrix.Summary Totals { get; init; }

        /// <summary>Planned actions the current user sees through, soonest first.</summary>
        public required IReadOnlyList<MyAction> MyActions { get; init; }

        /// <summary>The current user's own unmet needs (through the person their account is linked to).</summary>
        public required int MyGaps { get; init; }

        public required Guid? MyPersonId { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var needs = CompetenceNeeds.Current(db, today);
        var totals = await GetCompetenceMatrix.Totals(db, needs, today, everyone: true, ct);
        var userId = db.CurrentUser.UserId;
        var mine = userId is null ? [] : await db.Set<CompetenceAction>().AsNoTracking()
            .Where(a => a.OwnerId == userId && a.Status == GapActionStatus.Planned).OrderBy(a => a.DueOn).Take(20)
            .Join(db.Set<Person>(), a => a.PersonId, p => p.Id, (a, p) => new { a.PersonId, p.Name, a.CompetenceId, a.DueOn })
            .Join(db.Set<Competence>(), x => x.CompetenceId, c => c.Id, (x, c) => new MyAction(x.PersonId, x.Name, c.Name, x.DueOn)).ToListAsync(ct);
        var personId = userId is null ? null : await db.Set<Person>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var myGaps = personId is null ? 0 : await CompetenceNeeds.Unmet(db, needs.Where(n => n.PersonId == personId), today).Select(n => n.CompetenceId).Distinct().CountAsync(ct);
        return new Facts { Totals = totals, MyActions = mine, MyGaps = myGaps, MyPersonId = personId };
    }
}
