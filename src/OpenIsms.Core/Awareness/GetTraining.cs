using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;

namespace OpenIsms.Core.Awareness;

/// <summary>A training's page: what it is, its quiz questions, its assignments, its completion rate and one page of its people.</summary>
public sealed class GetTraining(OpenIsmsDbContext db)
{
    public sealed record View
    {
        public required Training Training { get; init; }

        public required string? Document { get; init; }

        public required IReadOnlyList<TrainingQuestion> Questions { get; init; }

        public required IReadOnlyList<ListTrainingAssignments.Row> Assignments { get; init; }

        public required Rate Rate { get; init; }

        public required Page<PersonDue> People { get; init; }
    }

    public async Task<Training?> Find(Guid id, CancellationToken ct = default) =>
        db.CurrentUser.Has(AwarenessPermissions.Read) ? await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;

    public async Task<View?> Handle(Guid id, TrainingPeopleFilter f, CancellationToken ct = default)
    {
        if (await Find(id, ct) is not { } training)
        {
            return null;
        }

        var document = training.DocumentId is { } documentId
            ? await db.Set<ControlledDocument>().Where(d => d.Id == documentId).Select(d => d.Reference + " " + d.Title).FirstOrDefaultAsync(ct)
            : null;
        var questions = await db.Set<TrainingQuestion>().AsNoTracking().Where(q => q.TrainingId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var today = await db.Clock.Today(ct);
        var entries = await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { TrainingId = id }, ct);
        var assignments = ListTrainingAssignments.Rows(await new ListTrainingAssignments(db).Load(id, ct), entries);
        return new View
        {
            Training = training, Document = document, Questions = questions, Assignments = assignments, Rate = Rate.Of(entries),
            People = PageOf(entries, f),
        };
    }

    internal static Page<PersonDue> PageOf(IEnumerable<AwarenessRoster.Entry> entries, TrainingPeopleFilter f)
    {
        var q = entries.Where(e => f.Status is null || e.Status == f.Status);
        if (f.Search is { } term)
        {
            q = q.Where(e => e.Person.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || (e.Person.Department ?? "").Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        var all = q.OrderBy(e => e.Status == TrainingStatus.Overdue ? 0 : e.Status == TrainingStatus.Due ? 1 : 2).ThenBy(e => e.Due).ThenBy(e => e.Person.Name).ToList();
        var size = PageSizes.Normalise(f.PageSize);
        var page = PageSizes.NormalisePage(f.Page);
        return new Page<PersonDue>(all.Skip((page - 1) * size).Take(size).Select(PersonDue.Of).ToList(), page, size, all.Count);
    }
}

/// <summary>One assignment's page: its terms, its audience's progress and people, and whether reminders went out today.</summary>
public sealed class GetTrainingAssignment(OpenIsmsDbContext db)
{
    public sealed record View
    {
        public required Training Training { get; init; }

        public required ListTrainingAssignments.Row Assignment { get; init; }

        public required Page<PersonDue> People { get; init; }

        /// <summary>Overdue people with an e-mail address not yet reminded today.</summary>
        public required int ToRemind { get; init; }
    }

    public async Task<View?> Handle(Guid trainingId, Guid assignmentId, TrainingPeopleFilter f, CancellationToken ct = default)
    {
        if (await new GetTraining(db).Find(trainingId, ct) is not { } training)
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var entries = await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { TrainingId = trainingId }, ct);
        var row = ListTrainingAssignments.Rows(await new ListTrainingAssignments(db).Load(trainingId, ct), entries).FirstOrDefault(a => a.Id == assignmentId);
        if (row is null)
        {
            return null;
        }

        var mine = entries.Where(e => e.AssignmentIds.Contains(assignmentId)).ToList();
        var reminded = await db.Set<TrainingReminder>().Where(r => r.TrainingId == trainingId && r.Day == today).Select(r => r.PersonId).ToListAsync(ct);
        return new View
        {
            Training = training, Assignment = row, People = GetTraining.PageOf(mine, f),
            ToRemind = mine.Count(e => e.Status == TrainingStatus.Overdue && e.Person.Email is not null && !reminded.Contains(e.Person.Id)),
        };
    }
}
