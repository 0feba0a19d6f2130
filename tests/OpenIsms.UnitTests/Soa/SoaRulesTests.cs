using OpenIsms.Core.Controls;
using OpenIsms.Core.Soa;

namespace OpenIsms.UnitTests.Soa;

public class SoaRulesTests
{
    private static SoaEntry.Decision Decision(bool? applicable, InclusionReason[]? reasons = null, string? justification = null, ControlStatus? status = null, string? why = null) =>
        new() { Applicable = applicable, Reasons = reasons ?? [], ExclusionJustification = justification, StatusOverride = status, OverrideReason = why, Notes = null };

    [Fact]
    public void AnExclusion_NeedsAJustification()
    {
        var entry = new SoaEntry();
        entry.Decide(Decision(false), treatsRisks: false).Errors.Single().Field.ShouldBe("ExclusionJustification");
        entry.Decide(Decision(false, justification: "No software is developed."), treatsRisks: false).Succeeded.ShouldBeTrue();
        entry.ExclusionJustification.ShouldBe("No software is developed.");
    }

    [Fact]
    public void AnInclusion_NeedsAReason_UnlessARiskPlansOnIt()
    {
        var entry = new SoaEntry();
        entry.Decide(Decision(true), treatsRisks: false).Errors.Single().Field.ShouldBe("Reasons");
        entry.Decide(Decision(true), treatsRisks: true).Succeeded.ShouldBeTrue();
        entry.Decide(Decision(true, [InclusionReason.Contractual, InclusionReason.Contractual, InclusionReason.BestPractice]), treatsRisks: false).Succeeded.ShouldBeTrue();
        entry.ReasonList.ShouldBe([InclusionReason.Contractual, InclusionReason.BestPractice]);
        entry.ExclusionJustification.ShouldBeNull();
    }

    [Fact]
    public void AStatusSetByHand_NeedsAReason()
    {
        var entry = new SoaEntry();
        entry.Decide(Decision(true, [InclusionReason.BusinessNeed], status: ControlStatus.Operating), treatsRisks: false).Errors.Single().Field.ShouldBe("OverrideReason");
        entry.Decide(Decision(true, [InclusionReason.BusinessNeed], status: ControlStatus.Operating, why: "Audited in March"), treatsRisks: false).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(new ControlStatus[0], ControlStatus.NotStarted)]
    [InlineData(new[] { ControlStatus.Operating }, ControlStatus.Operating)]
    [InlineData(new[] { ControlStatus.Operating, ControlStatus.Planned }, ControlStatus.Planned)]
    [InlineData(new[] { ControlStatus.Operating, ControlStatus.Ineffective }, ControlStatus.Ineffective)]
    [InlineData(new[] { ControlStatus.Implemented, ControlStatus.Operating }, ControlStatus.Implemented)]
    public void TheStatus_IsTheLeastAdvancedImplementingControl_AndIneffectiveShows(ControlStatus[] controls, ControlStatus expected) =>
        GetSoa.Derive(controls).ShouldBe(expected);
}
