namespace OpenIsms.Core.Awareness;

/// <summary>
/// The one rule for when a person must (again) complete a training, used by every page, the digest, the reminders and
/// the API. A passed completion counts from its date for the training's validity (for ever without one); before any,
/// the assignment's first due date applies — or, for someone who started after an onboarding assignment was made,
/// their start date plus its days. Under several assignments the earliest date wins.
/// </summary>
public static class TrainingDue
{
    /// <summary>What an assignment contributes to a person's due date.</summary>
    public sealed class Terms
    {
        public required DateOnly AssignedOn { get; init; }

        public required DateOnly FirstDue { get; init; }

        public int? OnboardingDays { get; init; }
    }

    /// <summary>The date by which the person must complete the training; null once done for good (no validity).</summary>
    public static DateOnly? DueDate(int? validityMonths, DateOnly? lastPassed, DateOnly? startDate, IEnumerable<Terms> assignments)
    {
        if (lastPassed is { } last)
        {
            return validityMonths is { } months ? last.AddMonths(months) : null;
        }

        DateOnly? earliest = null;
        foreach (var a in assignments)
        {
            var due = a.OnboardingDays is { } days && startDate is { } start && start > a.AssignedOn ? start.AddDays(days) : a.FirstDue;
            if (earliest is null || due < earliest)
            {
                earliest = due;
            }
        }

        return earliest;
    }

    /// <summary>Done while a passed completion is in date; otherwise due until the due day has ended, then overdue.</summary>
    public static TrainingStatus Status(DateOnly? due, DateOnly? lastPassed, DateOnly today) =>
        lastPassed is not null && (due is null || due >= today) ? TrainingStatus.Done
        : due is { } d && d < today ? TrainingStatus.Overdue
        : TrainingStatus.Due;
}
