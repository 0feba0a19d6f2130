using OpenIsms.Core.Awareness;

namespace OpenIsms.UnitTests.Awareness;

public class TrainingDueTests
{
    private static readonly DateOnly Assigned = new(2026, 1, 10);

    private static TrainingDue.Terms Terms(DateOnly firstDue, int? onboarding = null, DateOnly? assignedOn = null) =>
        new() { AssignedOn = assignedOn ?? Assigned, FirstDue = firstDue, OnboardingDays = onboarding };

    [Fact]
    public void NeverCompleted_IsDueByTheFirstDueDate()
    {
        TrainingDue.DueDate(12, null, new DateOnly(2020, 5, 1), [Terms(new DateOnly(2026, 2, 28))]).ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void APassedCompletion_CountsForTheValidity_ThenIsDueAgain()
    {
        TrainingDue.DueDate(12, new DateOnly(2026, 2, 3), null, [Terms(new DateOnly(2026, 2, 28))]).ShouldBe(new DateOnly(2027, 2, 3));
    }

    [Fact]
    public void WithoutValidity_OneCompletionIsEnoughForEver()
    {
        var due = TrainingDue.DueDate(null, new DateOnly(2026, 2, 3), null, [Terms(new DateOnly(2026, 2, 28))]);
        due.ShouldBeNull();
        TrainingDue.Status(due, new DateOnly(2026, 2, 3), new DateOnly(2040, 1, 1)).ShouldBe(TrainingStatus.Done);
    }

    [Fact]
    public void ANewStarter_UnderOnboarding_IsDueDaysAfterTheirStart()
    {
        TrainingDue.DueDate(12, null, new DateOnly(2026, 3, 1), [Terms(new DateOnly(2026, 2, 28), onboarding: 14)]).ShouldBe(new DateOnly(2026, 3, 15));
    }

    [Fact]
    public void SomeoneWhoStartedBeforeTheAssignment_KeepsTheFirstDueDate_EvenUnderOnboarding()
    {
        TrainingDue.DueDate(12, null, new DateOnly(2025, 6, 1), [Terms(new DateOnly(2026, 2, 28), onboarding: 14)]).ShouldBe(new DateOnly(2026, 2, 28));
        TrainingDue.DueDate(12, null, null, [Terms(new DateOnly(2026, 2, 28), onboarding: 14)]).ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void ANewStarter_WithoutOnboarding_HasTheFirstDueDate()
    {
        TrainingDue.DueDate(12, null, new DateOnly(2026, 3, 1), [Terms(new DateOnly(2026, 2, 28))]).ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void UnderSeveralAssignments_TheEarliestDueDateWins()
    {
        TrainingDue.DueDate(12, null, new DateOnly(2026, 3, 1),
        [
            Terms(new DateOnly(2026, 6, 30)),
            Terms(new DateOnly(2026, 12, 31), onboarding: 10),
            Terms(new DateOnly(2026, 5, 31)),
        ]).ShouldBe(new DateOnly(2026, 3, 11));
    }

    [Theory]
    [InlineData("2026-03-10", null, "2026-03-10", TrainingStatus.Due)]
    [InlineData("2026-03-10", null, "2026-03-11", TrainingStatus.Overdue)]
    [InlineData("2027-02-03", "2026-02-03", "2027-02-03", TrainingStatus.Done)]
    [InlineData("2027-02-03", "2026-02-03", "2027-02-04", TrainingStatus.Overdue)]
    public void Status_IsDoneWhileInDate_DueUntilTheDayEnds_ThenOverdue(string due, string? last, string today, TrainingStatus expected)
    {
        TrainingDue.Status(DateOnly.Parse(due), last is null ? null : DateOnly.Parse(last), DateOnly.Parse(today)).ShouldBe(expected);
    }

    [Fact]
    public void Audience_Department_MatchesTheNameWithoutCase_AndPeopleOnlyThoseChosen()
    {
        var ann = Guid.NewGuid();
        TrainingAssignment.Includes(AudienceKind.Department, "Sales", "sales", ann, []).ShouldBeTrue();
        TrainingAssignment.Includes(AudienceKind.Department, "Sales", null, ann, []).ShouldBeFalse();
        TrainingAssignment.Includes(AudienceKind.People, null, "Sales", ann, [Guid.NewGuid()]).ShouldBeFalse();
        TrainingAssignment.Includes(AudienceKind.People, null, "Sales", ann, [ann]).ShouldBeTrue();
        TrainingAssignment.Includes(AudienceKind.Everyone, null, null, ann, []).ShouldBeTrue();
    }
}
