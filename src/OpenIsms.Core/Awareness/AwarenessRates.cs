namespace OpenIsms.Core.Awareness;

/// <summary>People in date out of people in the audience, for a training or a department of it.</summary>
public sealed record Rate
{
    public required int InAudience { get; init; }

    public required int Done { get; init; }

    public required int Overdue { get; init; }

    /// <summary>The completion rate in whole percent, rounded down (0 for an empty audience).</summary>
    public int Percent => InAudience == 0 ? 0 : Done * 100 / InAudience;

    internal static Rate Of(IEnumerable<AwarenessRoster.Entry> entries)
    {
        var list = entries as IReadOnlyCollection<AwarenessRoster.Entry> ?? entries.ToList();
        return new Rate { InAudience = list.Count, Done = list.Count(e => e.Status == TrainingStatus.Done), Overdue = list.Count(e => e.Status == TrainingStatus.Overdue) };
    }
}

/// <summary>One person's line on a training's list or among the overdue.</summary>
public sealed record PersonDue
{
    public required Guid PersonId { get; init; }

    public required string Name { get; init; }

    public required string? Department { get; init; }

    public required Guid TrainingId { get; init; }

    public required string Training { get; init; }

    public required DateOnly? Due { get; init; }

    public required DateOnly? LastPassed { get; init; }

    public required TrainingStatus Status { get; init; }

    internal static PersonDue Of(AwarenessRoster.Entry e) => new()
    {
        PersonId = e.Person.Id, Name = e.Person.Name, Department = e.Person.Department, TrainingId = e.Training.Id,
        Training = $"{e.Training.Reference} {e.Training.Title}", Due = e.Due, LastPassed = e.LastPassed, Status = e.Status,
    };
}
