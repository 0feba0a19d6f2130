using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>The trainer records who attended a session on a day: one completion each, all or none.</summary>
public sealed class RecordAttendance(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid TrainingId { get; set; }

        public DateOnly? CompletedOn { get; set; }

        public List<Guid>? PersonIds { get; set; } = [];
    }

    public async Task<Result<int>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var training = await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TrainingId, ct);
        if (training is null)
        {
            return Result<int>.From(Result.NotFound());
        }

        var today = await db.Clock.Today(ct);
        var ids = (c.PersonIds ?? []).Distinct().ToList();
        var people = await CompletionRules.People(db, ids, ct);
        var audience = await CompletionRules.Audience(db, training.Id, null, today, ct);
        var errors = new List<FieldError>();
        if (CompletionRules.Day(c.CompletedOn, today, nameof(Command.CompletedOn)) is { } day)
        {
            errors.Add(day);
        }

        if (ids.Count == 0)
        {
            errors.Add(new FieldError(nameof(Command.PersonIds), "Tick the people who attended."));
        }
        else if (people.Count != ids.Count)
        {
            errors.Add(new FieldError(nameof(Command.PersonIds), "Choose the people from the staff list."));
        }

        errors.AddRange(people.OrderBy(p => p.Name).Select(p => CompletionRules.Person(p, audience, training, today, nameof(Command.PersonIds))).OfType<FieldError>());
        if (errors.Count > 0)
        {
            return Result<int>.From(Result.Invalid(errors));
        }

        foreach (var person in people)
        {
            db.Add(TrainingCompletion.Record(training.Id, person.Id, person.Name, c.CompletedOn!.Value, CompletionMethod.Attendance, db.CurrentUser.DisplayName));
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? people.Count : Result<int>.From(saved);
    }
}
