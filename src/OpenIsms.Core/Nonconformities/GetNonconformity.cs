using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Nonconformities;

/// <summary>One nonconformity with what it links to, its corrective actions (all rounds) and its steps, oldest first.</summary>
public sealed class GetNonconformity(OpenIsmsDbContext db)
{
    /// <summary>A record it links to, by reference and title.</summary>
    public sealed record Linked(Guid Id, string Reference, string Title);

    public sealed record Action
    {
        public required Guid Id { get; init; }

        public required int Round { get; init; }

        public required string Title { get; init; }

        public required string? Owner { get; init; }

        public required string? OwnerId { get; init; }

        public required DateOnly DueOn { get; init; }

        public required string? Resources { get; init; }

        public required CorrectiveActionStatus Status { get; init; }

        public required DateOnly? FinishedOn { get; init; }

        public required string? Outcome { get; init; }

        public required int Version { get; init; }
    }

    public sealed record View
    {
        public required Nonconformity Nonconformity { get; init; }

        public required string? Owner { get; init; }

        public required Linked? Requirement { get; init; }

        public required Linked? Risk { get; init; }

        /// <summary>The risk was assessed again after the nonconformity was raised.</summary>
        public required bool RiskReassessed { get; init; }

        public required Linked? Document { get; init; }

        public required Linked? RecurrenceOf { get; init; }

        /// <summary>Later nonconformities flagged as its recurrences.</summary>
        public required IReadOnlyList<Linked> Recurrences { get; init; }

        public required IReadOnlyList<Action> Actions { get; init; }

        public required IReadOnlyList<NonconformityStep> Steps { get; init; }

        public required DateOnly Today { get; init; }

        public IEnumerable<Action> CurrentActions => Actions.Where(a => a.Round == Nonconformity.Round);

        public bool CheckOverdue => Nonconformity.State is NonconformityState.ActionsPlanned or NonconformityState.Implemented
            && Nonconformity.EffectivenessDueOn is { } due && due < Today;
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var nc = await db.Set<Nonconformity>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (nc is null)
        {
            return null;
        }

        var risk = nc.RiskId is null ? null : await db.Set<Risk>().Where(r => r.Id == nc.RiskId)
            .Select(r => new { Link = new Linked(r.Id, r.Reference, r.Title), r.AssessedAt }).FirstOrDefaultAsync(ct);
        return new View
        {
            Nonconformity = nc,
            Owner = nc.OwnerId is null ? null : await db.Set<AppUser>().Where(u => u.Id == nc.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
            Requirement = nc.RequirementId is null ? null : await db.Set<Requirement>().Where(r => r.Id == nc.RequirementId)
                .Select(r => new Linked(r.Id, r.Code, r.Title)).FirstOrDefaultAsync(ct),
            Risk = risk?.Link,
            RiskReassessed = risk?.AssessedAt > nc.CreatedAt,
            Document = nc.DocumentId is null ? null : await db.Set<ControlledDocument>().Where(d => d.Id == nc.DocumentId)
                .Select(d => new Linked(d.Id, d.Reference, d.Title)).FirstOrDefaultAsync(ct),
            RecurrenceOf = nc.RecurrenceOfId is null ? null : await db.Set<Nonconformity>().Where(n => n.Id == nc.RecurrenceOfId)
                .Select(n => new Linked(n.Id, n.Reference, n.Title)).FirstOrDefaultAsync(ct),
            Recurrences = await db.Set<Nonconformity>().Where(n => n.RecurrenceOfId == id).OrderBy(n => n.RaisedOn)
                .Select(n => new Linked(n.Id, n.Reference, n.Title)).Take(50).ToListAsync(ct),
            Actions = await db.Set<CorrectiveAction>().AsNoTracking().Where(a => a.NonconformityId == id).OrderBy(a => a.Round).ThenBy(a => a.DueOn).ThenBy(a => a.CreatedAt)
                .Select(a => new Action
                {
                    Id = a.Id, Round = a.Round, Title = a.Title, OwnerId = a.OwnerId, DueOn = a.DueOn, Resources = a.Resources, Status = a.Status,
                    FinishedOn = a.FinishedOn, Outcome = a.Outcome, Version = a.Version,
                    Owner = db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                }).ToListAsync(ct),
            Steps = await db.Set<NonconformityStep>().AsNoTracking().Where(s => s.NonconformityId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct),
            Today = await db.Clock.Today(ct),
        };
    }
}

/// <summary>What the nonconformity form offers: who may answer for one, and the clauses and controls it may be against.</summary>
public sealed class GetNonconformityFormOptions(OpenIsmsDbContext db)
{
    public sealed record Options(IReadOnlyList<Choice> Owners, IReadOnlyList<Choice> Requirements);

    /// <summary>Who may answer for a nonconformity or carry out its corrective action (without the catalogue).</summary>
    public async Task<IReadOnlyList<Choice>> Owners(CancellationToken ct = default) => await Users.Owners.Choices(db, NonconformityPermissions.Edit, ct);

    public async Task<Options> Handle(CancellationToken ct = default)
    {
        var requirements = await db.Catalogue(NonconformityRequirements.Framework).Where(r => r.Kind != RequirementKind.Theme && !r.Withdrawn)
            .OrderBy(r => r.SortOrder).Select(r => new { r.Id, r.Code, r.Title, r.Kind }).ToListAsync(ct);
        return new Options(
            await Users.Owners.Choices(db, NonconformityPermissions.Edit, ct),
            [.. requirements.Select(r => new Choice(r.Id.ToString(), $"{r.Code} {r.Title}", r.Kind == RequirementKind.Clause ? "Clauses 4–10" : "Annex A controls"))]);
    }
}
