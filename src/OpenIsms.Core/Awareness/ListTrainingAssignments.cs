using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>A training's assignments: who is asked, by when, and how far each audience has got.</summary>
public sealed class ListTrainingAssignments(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required AudienceKind Audience { get; init; }

        public required string? Department { get; init; }

        public required string Describe { get; init; }

        public required IReadOnlyList<Guid> PersonIds { get; init; }

        public required DateOnly FirstDueDate { get; init; }

        public required int? OnboardingDays { get; init; }

        public required DateOnly AssignedOn { get; init; }

        public required Rate Rate { get; init; }
    }

    /// <summary>The assignments, or null when the training does not exist or may not be read.</summary>
    public async Task<IReadOnlyList<Row>?> Handle(Guid trainingId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Read) || !await db.Set<Training>().AnyAsync(t => t.Id == trainingId, ct))
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        return Rows(await Load(trainingId, ct), await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { TrainingId = trainingId }, ct));
    }

    internal async Task<(List<TrainingAssignment> Assignments, ILookup<Guid, Guid> Chosen)> Load(Guid trainingId, CancellationToken ct)
    {
        var assignments = await db.Set<TrainingAssignment>().AsNoTracking().Where(a => a.TrainingId == trainingId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var chosen = (await db.Set<TrainingAssignee>().AsNoTracking().Where(x => ids.Contains(x.AssignmentId)).Select(x => new { x.AssignmentId, x.PersonId }).ToListAsync(ct))
            .ToLookup(x => x.AssignmentId, x => x.PersonId);
        return (assignments, chosen);
    }

    internal static List<Row> Rows((List<TrainingAssignment> Assignments, ILookup<Guid, Guid> Chosen) loaded, List<AwarenessRoster.Entry> entries) =>
        loaded.Assignments.Select(a => new Row
        {
            Id = a.Id, Audience = a.Audience, Department = a.AudienceValue, Describe = a.Describe(loaded.Chosen[a.Id].Count()), PersonIds = loaded.Chosen[a.Id].ToList(),
            FirstDueDate = a.FirstDueDate, OnboardingDays = a.OnboardingDays, AssignedOn = a.AssignedOn,
            Rate = Rate.Of(entries.Where(e => e.AssignmentIds.Contains(a.Id))),
        }).ToList();
}
