using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>Assigns a training to everyone, a department or chosen people, by a first due date, optionally with onboarding days for new starters.</summary>
public sealed class AssignTraining(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid TrainingId { get; set; }

        public AudienceKind Audience { get; set; }

        public string? Department { get; set; }

        public List<Guid>? PersonIds { get; set; } = [];

        public DateOnly? FirstDueDate { get; set; }

        /// <summary>People who start after the assignment is made are due this many days after their start date.</summary>
        public int? OnboardingDays { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Edit) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var training = await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TrainingId, ct);
        if (training is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var today = await db.Clock.Today(ct);
        var department = Text.OrNull(c.Department);
        var personIds = (c.PersonIds ?? []).Distinct().ToList();
        var questions = training.Kind == TrainingKind.Quiz ? await db.Set<TrainingQuestion>().CountAsync(q => q.TrainingId == training.Id, ct) : 1;
        var check = new Validation()
            .Must(questions > 0, "", "Add at least one question before assigning the quiz.")
            .Must(c.Audience != AudienceKind.Department || department is not null, nameof(Command.Department), "Choose the department.")
            .Must(c.Audience != AudienceKind.People || personIds.Count > 0, nameof(Command.PersonIds), "Choose at least one person.")
            .Must(c.FirstDueDate is not null, nameof(Command.FirstDueDate), "Enter the date by which people should complete it.")
            .Must(c.FirstDueDate is null || c.FirstDueDate >= today, nameof(Command.FirstDueDate), "The due date cannot be in the past.")
            .Must(c.OnboardingDays is null or (>= 1 and <= TrainingAssignment.MaxOnboardingDays), nameof(Command.OnboardingDays),
                $"Enter the days new starters have: 1 to {TrainingAssignment.MaxOnboardingDays}, or leave it empty.");
        if (check.IsValid && c.Audience == AudienceKind.Department && !await db.Set<Person>().AnyAsync(p => p.Department == department, ct))
        {
            check.Must(false, nameof(Command.Department), $"Nobody on the staff list is in the department \"{department}\".");
        }

        if (check.IsValid && c.Audience == AudienceKind.People && await db.Set<Person>().CountAsync(p => personIds.Contains(p.Id), ct) != personIds.Count)
        {
            check.Must(false, nameof(Command.PersonIds), "Choose the people from the list.");
        }

        if (!check.IsValid)
        {
            return Result<Guid>.From(check.ToResult());
        }

        var assignment = TrainingAssignment.Make(training.Id, c, department, today, userId);
        db.Add(assignment);
        if (c.Audience == AudienceKind.People)
        {
            foreach (var id in personIds)
            {
                db.Add(TrainingAssignee.Of(assignment.Id, id));
            }
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? assignment.Id : Result<Guid>.From(saved);
    }
}
