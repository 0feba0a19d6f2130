using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// Asks an audience to complete a training by a first due date; recurrence follows the training's validity. With
/// onboarding days, people who start after the assignment was made are due that many days after their start date.
/// The audience is resolved when dates are computed, so someone who joins the department later is in it.
/// </summary>
[AuditName("TrainingAssignment")]
public sealed class TrainingAssignment : Entity
{
    public const int MaxOnboardingDays = 365;

    public Guid TrainingId { get; private set; }

    public AudienceKind Audience { get; private set; }

    /// <summary>The department's name for <see cref="AudienceKind.Department"/>; null otherwise.</summary>
    public string? AudienceValue { get; private set; }

    public DateOnly FirstDueDate { get; private set; }

    public int? OnboardingDays { get; private set; }

    /// <summary>The organisation's date the assignment was made: people who start after it are onboarded.</summary>
    public DateOnly AssignedOn { get; private set; }

    public string AssignedById { get; private set; } = "";

    private TrainingAssignment()
    {
    }

    public static TrainingAssignment Make(Guid trainingId, AssignTraining.Command c, string? department, DateOnly today, string userId) => new()
    {
        TrainingId = trainingId,
        Audience = c.Audience,
        AudienceValue = c.Audience == AudienceKind.Department ? department : null,
        FirstDueDate = c.FirstDueDate!.Value,
        OnboardingDays = c.OnboardingDays,
        AssignedOn = today,
        AssignedById = userId,
    };

    public TrainingDue.Terms Terms => new() { AssignedOn = AssignedOn, FirstDue = FirstDueDate, OnboardingDays = OnboardingDays };

    /// <summary>Whether a person is in the audience; <paramref name="chosen"/> are the people an assignment to chosen people names.</summary>
    public static bool Includes(AudienceKind audience, string? value, string? department, Guid personId, ICollection<Guid> chosen) => audience switch
    {
        AudienceKind.Everyone => true,
        AudienceKind.Department => department is not null && string.Equals(department, value, StringComparison.OrdinalIgnoreCase),
        AudienceKind.People => chosen.Contains(personId),
        _ => false,
    };

    public string Describe(int chosen) => Audience switch
    {
        AudienceKind.Everyone => "Everyone",
        AudienceKind.Department => $"Department: {AudienceValue}",
        _ => $"{chosen} chosen {(chosen == 1 ? "person" : "people")}",
    };
}

/// <summary>One person an assignment to chosen people names.</summary>
[AuditName("TrainingAssignee")]
public sealed class TrainingAssignee : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid AssignmentId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid PersonId { get; private set; }

    private TrainingAssignee()
    {
    }

    public static TrainingAssignee Of(Guid assignmentId, Guid personId) => new() { AssignmentId = assignmentId, PersonId = personId };
}
