using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;

namespace OpenIsms.Core.Competences;

/// <summary>One person's competence record: what their roles need and where they stand, their evidence, the actions planned.</summary>
public sealed class GetPersonCompetence(OpenIsmsDbContext db)
{
    public sealed record NeedRow
    {
        public required Guid CompetenceId { get; init; }

        public required string Competence { get; init; }

        public required CompetenceKind Kind { get; init; }

        public required Proficiency Needed { get; init; }

        public required NeedState State { get; init; }

        public required DateOnly? ValidUntil { get; init; }
    }

    public sealed record EvidenceRow
    {
        public required Guid Id { get; init; }

        public required string Competence { get; init; }

        public required EvidenceOfCompetence Kind { get; init; }

        public required Proficiency Level { get; init; }

        public required string Description { get; init; }

        public required string? Issuer { get; init; }

        public required DateOnly ObtainedOn { get; init; }

        public required DateOnly? ExpiresOn { get; init; }

        public required string? FileName { get; init; }

        public required string RecordedBy { get; init; }

        public required int Version { get; init; }
    }

    public sealed record ActionRow
    {
        public required Guid Id { get; init; }

        public required Guid CompetenceId { get; init; }

        public required string Competence { get; init; }

        public required GapActionKind Kind { get; init; }

        public required string Description { get; init; }

        public required string? OwnerId { get; init; }

        public required string? OwnerName { get; init; }

        public required DateOnly DueOn { get; init; }

        public required GapActionStatus Status { get; init; }

        public required DateOnly? ClosedOn { get; init; }

        public required string? Outcome { get; init; }

        public required int Version { get; init; }
    }

    public sealed record View
    {
        public required Person Person { get; init; }

        public required IReadOnlyList<string> Roles { get; init; }

        public required IReadOnlyList<NeedRow> Needs { get; init; }

        public required IReadOnlyList<EvidenceRow> Evidence { get; init; }

        public required IReadOnlyList<ActionRow> Actions { get; init; }

        public required DateOnly Today { get; init; }
    }

    public async Task<View?> Handle(Guid personId, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var roles = await ListIsmsRoles.CurrentHolders(db, today).Where(a => a.PersonId == personId)
            .Join(db.Set<IsmsRole>(), a => a.RoleId, r => r.Id, (a, r) => r.Name).Distinct().OrderBy(n => n).ToListAsync(ct);
        var needs = await CompetenceNeeds.Current(db, today).Where(n => n.PersonId == personId)
            .Join(db.Set<Competence>(), n => n.CompetenceId, c => c.Id, (n, c) => new { n.CompetenceId, c.Name, n.Kind, n.Level }).ToListAsync(ct);
        needs = needs.GroupBy(n => n.CompetenceId).Select(g => g.OrderByDescending(n => n.Level).First()).ToList();
        var evidence = await db.Set<CompetenceEvidence>().AsNoTracking().Where(e => e.PersonId == personId)
            .Join(db.Set<Competence>(), e => e.CompetenceId, c => c.Id, (e, c) => new { e, c.Name })
            .OrderByDescending(x => x.e.ObtainedOn)
            .Select(x => new EvidenceRow
            {
                Id = x.e.Id, Competence = x.Name, Kind = x.e.Kind, Level = x.e.Level, Description = x.e.Description, Issuer = x.e.Issuer,
                ObtainedOn = x.e.ObtainedOn, ExpiresOn = x.e.ExpiresOn, FileName = x.e.FileName, RecordedBy = x.e.RecordedBy, Version = x.e.Version,
            }).ToListAsync(ct);
        var held = await db.Set<CompetenceEvidence>().AsNoTracking().Where(e => e.PersonId == personId)
            .Select(e => new { e.CompetenceId, e.Level, e.ObtainedOn, e.ExpiresOn }).ToListAsync(ct);
        var actions = await db.Set<CompetenceAction>().AsNoTracking().Where(a => a.PersonId == personId)
            .Join(db.Set<Competence>(), a => a.CompetenceId, c => c.Id, (a, c) => new { a, c.Name })
            .OrderBy(x => x.a.Status).ThenBy(x => x.a.DueOn)
            .Select(x => new ActionRow
            {
                Id = x.a.Id, CompetenceId = x.a.CompetenceId, Competence = x.Name, Kind = x.a.Kind, Description = x.a.Description,
                OwnerId = x.a.OwnerId,
                OwnerName = db.Set<AppUser>().Where(u => u.Id == x.a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                DueOn = x.a.DueOn, Status = x.a.Status, ClosedOn = x.a.ClosedOn, Outcome = x.a.Outcome, Version = x.a.Version,
            }).ToListAsync(ct);
        var heldBy = held.ToLookup(h => h.CompetenceId, h => new CompetenceRules.Held(h.Level, h.ObtainedOn, h.ExpiresOn));
        return new View
        {
            Person = person,
            Roles = roles,
            Today = today,
            Needs = needs.OrderBy(n => n.Name).Select(n =>
            {
                var (state, until) = CompetenceRules.State(n.Level, n.Kind, heldBy[n.CompetenceId],
                    actions.Any(a => a.CompetenceId == n.CompetenceId && a.Status == GapActionStatus.Planned), today);
                return new NeedRow { CompetenceId = n.CompetenceId, Competence = n.Name, Kind = n.Kind, Needed = n.Level, State = state, ValidUntil = until };
            }).ToList(),
            Evidence = evidence,
            Actions = actions,
        };
    }
}
