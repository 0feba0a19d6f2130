using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// The page an auditor looks at for clause 7.3: each assigned training's completion rate overall and per department,
/// and who is overdue. Grouped in SQL, due dates computed in memory (<see cref="AwarenessRoster"/>).
/// </summary>
public sealed class GetAwarenessDashboard(OpenIsmsDbContext db, AwarenessRosterCache roster)
{
    public const string NoDepartment = "No department";

    public sealed record DepartmentRate
    {
        public required string Department { get; init; }

        public required Rate Rate { get; init; }
    }

    public sealed record TrainingRate
    {
        public required Guid TrainingId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required int? ValidityMonths { get; init; }

        public required Rate Rate { get; init; }

        public required IReadOnlyList<DepartmentRate> Departments { get; init; }
    }

    public sealed record View
    {
        public required IReadOnlyList<TrainingRate> Trainings { get; init; }

        public required Page<PersonDue> Overdue { get; init; }

        public required IReadOnlyList<Choice> TrainingChoices { get; init; }

        public required IReadOnlyList<string> Departments { get; init; }

        /// <summary>Trainings with no assignment yet (not on the dashboard until assigned).</summary>
        public required int Unassigned { get; init; }
    }

    public async Task<View?> Handle(AwarenessFilter f, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Read))
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var trainings = await db.Set<Training>().AsNoTracking().OrderBy(t => t.Reference)
            .Select(t => new { t.Id, t.Reference, t.Title, Assigned = db.Set<TrainingAssignment>().Any(a => a.TrainingId == t.Id) }).ToListAsync(ct);
        var departments = await db.Set<Person>().AsNoTracking().Where(p => p.Department != null && (p.LeavingDate == null || p.LeavingDate >= today))
            .Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
        IEnumerable<AwarenessRoster.Entry> entries = await roster.Everyone(db, today, ct);
        if (f.TrainingId is { } trainingId)
        {
            entries = entries.Where(e => e.Training.Id == trainingId);
        }

        if (f.Department is { } department)
        {
            entries = entries.Where(e => string.Equals(e.Person.Department ?? NoDepartment, department, StringComparison.OrdinalIgnoreCase));
        }

        var selected = entries.ToList();
        var rates = selected.GroupBy(e => e.Training).OrderBy(g => g.Key.Reference).Select(g => new TrainingRate
        {
            TrainingId = g.Key.Id, Reference = g.Key.Reference, Title = g.Key.Title, ValidityMonths = g.Key.ValidityMonths, Rate = Rate.Of(g),
            Departments = g.GroupBy(e => e.Person.Department ?? NoDepartment, StringComparer.OrdinalIgnoreCase).OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase)
                .Select(d => new DepartmentRate { Department = d.Key, Rate = Rate.Of(d) }).ToList(),
        }).ToList();
        var size = PageSizes.Normalise(f.PageSize);
        var page = PageSizes.NormalisePage(f.Page);
        var overdue = selected.Where(e => e.Status == TrainingStatus.Overdue).OrderBy(e => e.Due).ThenBy(e => e.Person.Name).ThenBy(e => e.Training.Reference).ToList();
        return new View
        {
            Trainings = rates,
            Overdue = new Page<PersonDue>(overdue.Skip((page - 1) * size).Take(size).Select(PersonDue.Of).ToList(), page, size, overdue.Count),
            TrainingChoices = trainings.Where(t => t.Assigned).Select(t => new Choice(t.Id.ToString(), $"{t.Reference} {t.Title}")).ToList(),
            Departments = departments,
            Unassigned = trainings.Count(t => !t.Assigned),
        };
    }
}
