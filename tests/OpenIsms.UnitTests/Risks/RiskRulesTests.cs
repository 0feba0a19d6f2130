using OpenIsms.Core.Risks;

namespace OpenIsms.UnitTests.Risks;

public class RiskRulesTests
{
    private static RiskMethodology Approved()
    {
        var m = RiskMethodology.FirstDraft(MethodologyDefinition.Default());
        m.Approve("u", "Una", DateTime.UtcNow).Succeeded.ShouldBeTrue();
        return m;
    }

    private static (Risk Risk, RiskAssessment Assessment) Assessed(int residualLikelihood, int residualImpact, string owner = "owner")
    {
        var risk = new Risk();
        risk.Update(new SaveRisk.Command { Title = "Flood", OwnerId = owner }, "R-1").Succeeded.ShouldBeTrue();
        var m = Approved();
        var a = RiskAssessment.Create(risk.Id, m, new(5, [5, 5, 5, 5, 5]), new(residualLikelihood, [residualImpact, 1, 1, 1, 1]), null, "u", "Una", DateTime.UtcNow).Value!;
        risk.Apply(a, 12, TimeZoneInfo.Utc);
        return (risk, a);
    }

    [Fact]
    public void AnAssessment_RatesOnTheScales_AndTheHighestImpactCounts()
    {
        var (risk, a) = Assessed(2, 3);
        (a.InherentLikelihood, a.InherentImpact, a.InherentLevel).ShouldBe((5, 5, 3));
        (a.ResidualLikelihood, a.ResidualImpact, a.ResidualLevel).ShouldBe((2, 3, 1));
        risk.Status.ShouldBe(RiskStatus.Assessed);
        risk.ResidualScore.ShouldBe(6);
        risk.NextReview.ShouldBe(DateOnly.FromDateTime(a.AssessedAt).AddMonths(12));
    }

    [Fact]
    public void AnAssessment_OutsideTheScale_OrUnderADraft_IsRefused()
    {
        var draft = RiskMethodology.FirstDraft(MethodologyDefinition.Default());
        RiskAssessment.Create(Guid.NewGuid(), draft, new(3, [3, 3, 3, 3, 3]), new(3, [3, 3, 3, 3, 3]), null, "u", "U", DateTime.UtcNow).Succeeded.ShouldBeFalse();
        var errors = RiskAssessment.Create(Guid.NewGuid(), Approved(), new(6, [3, 3, 3, 3, 0]), new(3, [3]), null, "u", "U", DateTime.UtcNow).Errors.Select(e => e.Field).ToList();
        errors.ShouldContain("InherentLikelihood");
        errors.ShouldContain("InherentImpact4");
        errors.ShouldContain("ResidualImpact");
    }

    [Fact]
    public void OnlyTheOwner_Accepts_AfterATreatment_AndAboveTheThresholdManagementMustApprove()
    {
        var (risk, a) = Assessed(4, 4); // High
        var d = MethodologyDefinition.Default();
        RiskAcceptance.Sign(risk, a, d, "owner", "Olga", null, DateTime.UtcNow).Succeeded.ShouldBeFalse("no treatment yet");
        risk.Decide(TreatmentOption.Accept, "No cheaper option.").Succeeded.ShouldBeTrue();
        RiskAcceptance.Sign(risk, a, d, "someone-else", "Sam", null, DateTime.UtcNow).Succeeded.ShouldBeFalse("only the owner");
        var signed = RiskAcceptance.Sign(risk, a, d, "owner", "Olga", null, DateTime.UtcNow).Value!;
        signed.Status.ShouldBe(AcceptanceStatus.AwaitingManagement);
        signed.IsInForce(DateOnly.FromDateTime(DateTime.UtcNow)).ShouldBeFalse();
        signed.ApproveByManagement("boss", "Bea", "", DateTime.UtcNow).Succeeded.ShouldBeFalse("a reason is required");
        signed.ApproveByManagement("boss", "Bea", "Board decision", DateTime.UtcNow).Succeeded.ShouldBeTrue();
        signed.IsInForce(DateOnly.FromDateTime(DateTime.UtcNow)).ShouldBeTrue();
        signed.IsInForce(signed.ExpiresOn.AddDays(1)).ShouldBeFalse("it expires at the next review");
    }

    [Fact]
    public void WithinTheThreshold_TheOwnersSignatureIsEnough()
    {
        var (risk, a) = Assessed(2, 2); // Low
        risk.Decide(TreatmentOption.Mitigate, "Cheap to fix.").Succeeded.ShouldBeTrue();
        RiskAcceptance.Sign(risk, a, MethodologyDefinition.Default(), "owner", "Olga", null, DateTime.UtcNow).Value!.Status.ShouldBe(AcceptanceStatus.Accepted);
    }

    [Fact]
    public void ATreatment_NeedsARationale_AndARating()
    {
        var risk = new Risk();
        risk.Update(new SaveRisk.Command { Title = "Theft", OwnerId = "owner" }, "R-2").Succeeded.ShouldBeTrue();
        risk.Decide(TreatmentOption.Mitigate, "Because.").Errors.Select(e => e.Field).ShouldContain("Treatment");
        var (assessed, _) = Assessed(2, 2);
        assessed.Decide(TreatmentOption.Mitigate, " ").Errors.Select(e => e.Field).ShouldContain("TreatmentRationale");
        assessed.Decide(TreatmentOption.Mitigate, "Worth it.").Succeeded.ShouldBeTrue();
        assessed.Status.ShouldBe(RiskStatus.InTreatment);
    }

    [Fact]
    public void AnApprovedMethodology_IsFrozen()
    {
        var m = Approved();
        m.Update("Changed", MethodologyDefinition.Default(), null).Succeeded.ShouldBeFalse();
        var next = m.NextDraft(2);
        next.IsDraft.ShouldBeTrue();
        next.Number.ShouldBe(2);
        next.Update("Changed", MethodologyDefinition.Default() with { ReviewIntervalMonths = 6 }, "Review twice a year").Succeeded.ShouldBeTrue();
    }
}
