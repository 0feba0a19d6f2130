using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>What every way of recording a completion checks: the day, that the person is still employed and in the training's audience.</summary>
internal static class CompletionRules
{
    internal sealed class Who
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required DateOnly? LeavingDate { get; init; }
    }

    public static Task<List<Who>> People(OpenIsmsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new Who { Id = p.Id, Name = p.Name, LeavingDate = p.LeavingDate }).ToListAsync(ct);

    public static FieldError? Day(DateOnly? on, DateOnly today, string field) =>
        on is null ? new FieldError(field, "Enter the date it was completed.")
        : on > today ? new FieldError(field, "The completion date cannot be in the future.")
        : null;

    /// <summary>The message about one person, or null when a completion may be recorded for them.</summary>
    public static FieldError? Person(Who person, ISet<Guid> audience, Training training, DateOnly today, string field) =>
        person.LeavingDate is { } left && left < today ? new FieldError(field, $"{person.Name} left on {left:d MMMM yyyy}: no training is recorded for someone who has left.")
        : !audience.Contains(person.Id) ? new FieldError(field, $"{person.Name} is not in the audience of {training.Reference} {training.Title}: assign the training to them first.")
        : null;

    /// <summary>Who of the people named is in the training's audience today.</summary>
    public static async Task<HashSet<Guid>> Audience(OpenIsmsDbContext db, Guid trainingId, Guid? personId, DateOnly today, CancellationToken ct) =>
        (await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { TrainingId = trainingId, PersonId = personId }, ct)).Select(e => e.Person.Id).ToHashSet();
}
