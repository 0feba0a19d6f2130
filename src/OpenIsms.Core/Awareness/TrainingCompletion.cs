using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// That a person completed a training on a day — by their own word, by a quiz (with its score) or by attending — and
/// who recorded it. A failed quiz attempt is kept too, but only a passed completion counts. A quiz attempt carries the
/// one-time id its form was rendered with, unique, so the same answers are never recorded twice.
/// </summary>
[AuditName("TrainingCompletion")]
public sealed class TrainingCompletion : Entity
{
    public Guid TrainingId { get; private set; }

    /// <summary>The person; their name is kept as it was, so the record outlives the staff list.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public DateOnly CompletedOn { get; private set; }

    public CompletionMethod Method { get; private set; }

    public int? Score { get; private set; }

    public bool Passed { get; private set; }

    /// <summary>Who recorded it (the person themselves, a trainer, an API token's user), by display name.</summary>
    public string RecordedBy { get; private set; } = "";

    public Guid? AttemptId { get; private set; }

    private TrainingCompletion()
    {
    }

    public static TrainingCompletion Record(Guid trainingId, Guid personId, string personName, DateOnly on, CompletionMethod method, string recordedBy) => new()
    {
        TrainingId = trainingId, PersonId = personId, PersonName = personName, CompletedOn = on, Method = method, Passed = true, RecordedBy = recordedBy,
    };

    public static TrainingCompletion Attempt(Guid trainingId, Guid personId, string personName, DateOnly on, Quiz.Marked marked, Guid attemptId, string recordedBy) => new()
    {
        TrainingId = trainingId, PersonId = personId, PersonName = personName, CompletedOn = on, Method = CompletionMethod.Quiz,
        Score = marked.Score, Passed = marked.Passed, AttemptId = attemptId, RecordedBy = recordedBy,
    };
}

/// <summary>That a person was reminded of a training on a day: at most one reminder a day each (the unique key).</summary>
public sealed class TrainingReminder
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TrainingId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Day { get; private set; }

    public static TrainingReminder On(Guid trainingId, Guid personId, DateOnly day) => new() { TrainingId = trainingId, PersonId = personId, Day = day };
}
