namespace OpenIsms.Core.Awareness;

public enum TrainingKind
{
    Course,
    Briefing,

    /// <summary>Reading a controlled document (the training links it).</summary>
    Reading,
    Quiz,
}

/// <summary>
/// Who an assignment asks: its kind plus one value (a department's name; none for everyone or chosen people, whose ids
/// are <see cref="TrainingAssignee"/> rows). A new kind of audience (an ISMS role: the role's id as the value) is one
/// more member here and one more case in <see cref="TrainingAssignment.Includes"/>.
/// </summary>
public enum AudienceKind
{
    Everyone,
    Department,
    People,
}

public enum CompletionMethod
{
    SelfAttested,
    Quiz,
    Attendance,
}

/// <summary>Where a person stands with a training: done and still in date, due (by a date not yet passed) or overdue.</summary>
public enum TrainingStatus
{
    Done,
    Due,
    Overdue,
}
