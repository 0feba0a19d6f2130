using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// Who must complete which training by when: the assignments and their audiences, the staff still employed, and each
/// person's latest passed completion grouped in SQL (one small row per person and training), then the due dates
/// computed in memory by <see cref="TrainingDue"/>. Five queries whatever the size, no query per person.
/// An audience of an ISMS role would load the role assignments here (beside the chosen people) and pass them to
/// <see cref="TrainingAssignment.Includes"/>.
/// </summary>
internal static class AwarenessRoster
{
    internal sealed class PersonRow
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string? Email { get; init; }

        public required string? Department { get; init; }

        public required DateOnly? StartDate { get; init; }

        public required string? UserId { get; init; }
    }

    internal sealed class TrainingRow
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required TrainingKind Kind { get; init; }

        public required int? ValidityMonths { get; init; }
    }

    internal sealed class AssignmentRow
    {
        public required Guid Id { get; init; }

        public required Guid TrainingId { get; init; }

        public required AudienceKind Audience { get; init; }

        public required string? AudienceValue { get; init; }

        public required TrainingDue.Terms Terms { get; init; }
    }

    /// <summary>One person in the audience of one training, with their due date and status.</summary>
    internal sealed class Entry
    {
        public required TrainingRow Training { get; init; }

        public required PersonRow Person { get; init; }

        public required DateOnly? Due { get; init; }

        public required DateOnly? LastPassed { get; init; }

        public required TrainingStatus Status { get; init; }

        /// <summary>The assignments whose audience the person is in.</summary>
        public required IReadOnlyList<Guid> AssignmentIds { get; init; }
    }

    internal sealed class Scope
    {
        public Guid? TrainingId { get; init; }

        public Guid? PersonId { get; init; }

        public string? UserId { get; init; }

        /// <summary>Only people with an account (for the digest).</summary>
        public bool WithAccount { get; init; }
    }

    public static async Task<List<Entry>> Load(OpenIsmsDbContext db, DateOnly today, Scope scope, CancellationToken ct)
    {
        var assignmentQuery = db.Set<TrainingAssignment>().AsNoTracking();
        if (scope.TrainingId is { } tid)
        {
            assignmentQuery = assignmentQuery.Where(a => a.TrainingId == tid);
        }

        var assignments = await assignmentQuery.Select(a => new
        {
            a.Id, a.TrainingId, a.Audience, a.AudienceValue, a.AssignedOn, a.FirstDueDate, a.OnboardingDays,
        }).ToListAsync(ct);
        if (assignments.Count == 0)
        {
            return [];
        }

        var people = db.Set<Person>().AsNoTracking().Where(p => p.LeavingDate == null || p.LeavingDate >= today);
        if (scope.PersonId is { } pid)
        {
            people = people.Where(p => p.Id == pid);
        }

        if (scope.UserId is { } uid)
        {
            people = people.Where(p => p.UserId == uid);
        }

        if (scope.WithAccount)
        {
            people = people.Where(p => p.UserId != null);
        }

        var staff = await people.Select(p => new PersonRow { Id = p.Id, Name = p.Name, Email = p.Email, Department = p.Department, StartDate = p.StartDate, UserId = p.UserId })
            .ToListAsync(ct);
        if (staff.Count == 0)
        {
            return [];
        }

        var chosen = new Dictionary<Guid, HashSet<Guid>>();
        if (assignments.Any(a => a.Audience == AudienceKind.People))
        {
            var ids = assignments.Where(a => a.Audience == AudienceKind.People).Select(a => a.Id).ToList();
            var single = staff.Count == 1 ? staff[0].Id : (Guid?)null;
            var links = await db.Set<TrainingAssignee>().AsNoTracking().Where(x => ids.Contains(x.AssignmentId) && (single == null || x.PersonId == single))
                .Select(x => new { x.AssignmentId, x.PersonId }).ToListAsync(ct);
            chosen = links.GroupBy(l => l.AssignmentId).ToDictionary(g => g.Key, g => g.Select(l => l.PersonId).ToHashSet());
        }

        var trainingIds = assignments.Select(a => a.TrainingId).Distinct().ToList();
        var trainings = await db.Set<Training>().AsNoTracking().Where(t => trainingIds.Contains(t.Id))
            .Select(t => new TrainingRow { Id = t.Id, Reference = t.Reference, Title = t.Title, Kind = t.Kind, ValidityMonths = t.ValidityMonths })
            .ToDictionaryAsync(t => t.Id, ct);

        var passed = db.Set<TrainingCompletion>().AsNoTracking().Where(c => c.Passed && c.PersonId != null);
        if (scope.TrainingId is { } t1)
        {
            passed = passed.Where(c => c.TrainingId == t1);
        }

        if (staff.Count == 1)
        {
            var only = staff[0].Id;
            passed = passed.Where(c => c.PersonId == only);
        }

        var last = (await passed.GroupBy(c => new { c.TrainingId, c.PersonId })
                .Select(g => new { g.Key.TrainingId, g.Key.PersonId, Last = g.Max(c => c.CompletedOn) }).ToListAsync(ct))
            .ToDictionary(x => (x.TrainingId, x.PersonId!.Value), x => x.Last);

        var rows = assignments.Select(a => new AssignmentRow
        {
            Id = a.Id, TrainingId = a.TrainingId, Audience = a.Audience, AudienceValue = a.AudienceValue,
            Terms = new TrainingDue.Terms { AssignedOn = a.AssignedOn, FirstDue = a.FirstDueDate, OnboardingDays = a.OnboardingDays },
        }).ToList();
        var entries = new List<Entry>();
        foreach (var group in rows.GroupBy(a => a.TrainingId))
        {
            if (!trainings.TryGetValue(group.Key, out var training))
            {
                continue;
            }

            var list = group.ToList();
            foreach (var person in staff)
            {
                var theirs = list.Where(a => TrainingAssignment.Includes(a.Audience, a.AudienceValue, person.Department, person.Id,
                    chosen.TryGetValue(a.Id, out var c) ? c : [])).ToList();
                if (theirs.Count == 0)
                {
                    continue;
                }

                DateOnly? lastPassed = last.TryGetValue((training.Id, person.Id), out var l) ? l : null;
                var due = TrainingDue.DueDate(training.ValidityMonths, lastPassed, person.StartDate, theirs.Select(a => a.Terms));
                entries.Add(new Entry
                {
                    Training = training, Person = person, Due = due, LastPassed = lastPassed, Status = TrainingDue.Status(due, lastPassed, today),
                    AssignmentIds = theirs.Select(a => a.Id).ToList(),
                });
            }
        }

        return entries;
    }
}
