using OpenIsms.Core.Improvements;
using OpenIsms.Core.Nonconformities;

namespace OpenIsms.UnitTests.Nonconformities;

/// <summary>
/// A nonconformity's life as a state machine: each step allowed only from the state before it, only an effectiveness check
/// closes it, and a check that finds the actions not effective reopens it for a new round.
/// </summary>
public class NonconformityStateTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static Nonconformity Raised()
    {
        var nc = Nonconformity.Raise("Ines Auditor");
        var result = nc.Update(new SaveNonconformity.Command
        {
            Title = "Restore never tested", Description = "No restore test in the last 12 months.", RequirementText = "Backup policy 4.2", OwnerId = "u1", RaisedOn = Today,
        }, Today);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return nc;
    }

    [Fact]
    public void TheWholeCycle_IsAllowedOnlyInOrder()
    {
        var nc = Raised();
        nc.State.ShouldBe(NonconformityState.Raised);
        nc.Refusal(NonconformityState.CauseFound).ShouldNotBeNull().ShouldContain("record the correction");
        nc.Refusal(NonconformityState.Corrected).ShouldBeNull();
        nc.Correct("Ran a restore of last night's backup.", Today);

        nc.Refusal(NonconformityState.ActionsPlanned).ShouldNotBeNull().ShouldContain("root cause");
        nc.Refusal(NonconformityState.CauseFound).ShouldBeNull();
        nc.FindCause(CauseMethod.FiveWhys, "Nobody scheduled it\nNo owner for the backup process", "The backup process has no owner.");

        nc.Refusal(NonconformityState.Implemented).ShouldNotBeNull();
        nc.Refusal(NonconformityState.ActionsPlanned).ShouldBeNull();
        nc.PlanActions(Today.AddMonths(2));
        nc.EffectivenessDueOn.ShouldBe(Today.AddMonths(2));

        nc.Refusal(NonconformityState.Implemented).ShouldBeNull();
        nc.MarkImplemented();
        nc.Refusal(NonconformityState.Closed).ShouldBeNull();
        nc.Checked(effective: true, Today.AddMonths(2));
        nc.State.ShouldBe(NonconformityState.Closed);
        nc.ClosedOn.ShouldBe(Today.AddMonths(2));
        nc.IsOpen.ShouldBeFalse();
        nc.Refusal(NonconformityState.CauseFound).ShouldNotBeNull().ShouldContain("closed");
    }

    [Theory]
    [InlineData(NonconformityState.Raised)]
    [InlineData(NonconformityState.Corrected)]
    [InlineData(NonconformityState.CauseFound)]
    [InlineData(NonconformityState.ActionsPlanned)]
    public void ClosingBeforeTheActionsAreImplemented_IsRefused_NamingTheEffectivenessCheck(NonconformityState reached)
    {
        var nc = Raised();
        if (reached >= NonconformityState.Corrected)
        {
            nc.Correct("Contained.", Today);
        }

        if (reached >= NonconformityState.CauseFound)
        {
            nc.FindCause(CauseMethod.FreeAnalysis, null, "No owner.");
        }

        if (reached >= NonconformityState.ActionsPlanned)
        {
            nc.PlanActions(Today.AddMonths(1));
        }

        nc.State.ShouldBe(reached);
        nc.Refusal(NonconformityState.Closed).ShouldNotBeNull().ShouldContain("Only an effectiveness check closes a nonconformity");
        nc.Refusal(NonconformityState.Reopened).ShouldNotBeNull();
    }

    [Fact]
    public void NotEffective_Reopens_ForANewRoundOfCauseAnalysis()
    {
        var nc = Raised();
        nc.Correct("Contained.", Today);
        nc.FindCause(CauseMethod.FiveWhys, "a\nb", "No owner.");
        nc.PlanActions(Today.AddMonths(1));
        nc.MarkImplemented();
        nc.Checked(effective: false, Today.AddMonths(1));

        nc.State.ShouldBe(NonconformityState.Reopened);
        nc.Round.ShouldBe(2);
        nc.EffectivenessDueOn.ShouldBeNull();
        nc.Next().ShouldContain("again");
        nc.Refusal(NonconformityState.ActionsPlanned).ShouldNotBeNull();
        nc.Refusal(NonconformityState.CauseFound).ShouldBeNull();
        nc.FindCause(CauseMethod.FreeAnalysis, "ignored for a free analysis", "The owner has no time for it.");
        nc.Whys.ShouldBeNull();
        nc.State.ShouldBe(NonconformityState.CauseFound);
    }

    [Fact]
    public void OnceCorrected_ItsSeverityAndDate_AreSettled()
    {
        var nc = Raised();
        nc.Correct("Contained.", Today);
        var downgrade = nc.Update(new SaveNonconformity.Command
        {
            Title = "Restore never tested", Description = "x", RequirementText = "Backup policy 4.2", OwnerId = "u1", RaisedOn = Today.AddDays(-3), Severity = NonconformitySeverity.Major,
        }, Today);
        downgrade.Errors.Select(e => e.Field).ShouldBe(["Severity", "RaisedOn"], ignoreOrder: true);
        nc.Severity.ShouldBe(NonconformitySeverity.Minor);
    }

    [Fact]
    public void ANonconformity_NeedsItsFactsARequirementAnOwnerAndADateNotInTheFuture()
    {
        var nc = Nonconformity.Raise("x");
        var result = nc.Update(new SaveNonconformity.Command { RaisedOn = Today.AddDays(1) }, Today);
        result.Errors.Select(e => e.Field).ShouldBe(["Title", "Description", "RequirementId", "OwnerId", "RaisedOn"], ignoreOrder: true);
        result.Errors.Single(e => e.Field == "RaisedOn").Message.ShouldContain("cannot be in the future");
    }

    [Fact]
    public void ACorrectiveAction_IsFinishedOnce_WithItsOutcome()
    {
        var action = CorrectiveAction.For(Raised());
        action.Update(new SaveCorrectiveAction.Command { Title = "Name an owner", OwnerId = "u1", DueOn = Today.AddDays(-1) }, Today)
            .Errors.Single().Message.ShouldContain("cannot be in the past");
        action.Update(new SaveCorrectiveAction.Command { Title = "Name an owner", OwnerId = "u1", DueOn = Today }, Today).Succeeded.ShouldBeTrue();
        action.Finish(done: true, " ", Today).Errors.Single().Message.ShouldContain("Say what was done");
        action.Finish(done: false, "Superseded", Today).Succeeded.ShouldBeTrue();
        action.Status.ShouldBe(CorrectiveActionStatus.Cancelled);
        action.Finish(done: true, "Done after all", Today).Errors.Single().Message.ShouldContain("already cancelled");
    }

    [Fact]
    public void AnImprovement_NeedsAnOwnerOnceAccepted_AndAnOutcomeWhenFinished()
    {
        var improvement = Improvement.Raise("x", Today);
        improvement.Update(new SaveImprovement.Command { Title = "Automate access reviews", Status = ImprovementStatus.Accepted }, Today)
            .Errors.Single().Field.ShouldBe("OwnerId");
        improvement.Update(new SaveImprovement.Command { Title = "Automate access reviews", Status = ImprovementStatus.Rejected }, Today)
            .Errors.Single().Message.ShouldContain("why it was turned down");
        improvement.Update(new SaveImprovement.Command { Title = "Automate access reviews", Status = ImprovementStatus.Done, OwnerId = "u1", Outcome = "Reviews run from the IdP." }, Today)
            .Succeeded.ShouldBeTrue();
        improvement.FinishedOn.ShouldBe(Today);
        improvement.IsOpen.ShouldBeFalse();
        improvement.Update(new SaveImprovement.Command { Title = "Automate access reviews", Status = ImprovementStatus.Proposed }, Today)
            .Errors.Single().Message.ShouldContain("its record is final");
        improvement.Status.ShouldBe(ImprovementStatus.Done);
    }

    [Fact]
    public void AChangeDone_IsFinal()
    {
        var change = new OpenIsms.Core.Changes.IsmsChange();
        var done = new OpenIsms.Core.Changes.SaveChange.Command
        {
            Title = "Lisbon office in scope", Purpose = "Growth", Consequences = "New risks", Integrity = "Controls keep running", OwnerId = "u1",
            Status = OpenIsms.Core.Changes.ChangeStatus.Done, Outcome = "Scope version 3 approved",
        };
        change.Update(done, Today).Succeeded.ShouldBeTrue();
        change.Update(new() { Title = "Reopened", Purpose = "x", Consequences = "y", Status = OpenIsms.Core.Changes.ChangeStatus.Proposed }, Today)
            .Errors.Single().Message.ShouldContain("its record is final");
        change.Title.ShouldBe("Lisbon office in scope");
    }
}
