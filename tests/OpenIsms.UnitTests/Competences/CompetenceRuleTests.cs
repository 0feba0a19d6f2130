using OpenIsms.Core.Competences;
using OpenIsms.Core.Responsibilities;
using static OpenIsms.Core.Competences.CompetenceRules;

namespace OpenIsms.UnitTests.Competences;

public class CompetenceRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void EvidenceAtTheLevelNeeded_MeetsTheNeed_AndBelowItDoesNot()
    {
        State(Proficiency.Working, CompetenceKind.Skill, [new Held(Proficiency.Expert, Today.AddYears(-1), null)], false, Today).State.ShouldBe(NeedState.Met);
        State(Proficiency.Expert, CompetenceKind.Skill, [new Held(Proficiency.Working, Today.AddYears(-1), null)], false, Today).State.ShouldBe(NeedState.Gap);
    }

    [Fact]
    public void ACertification_IsHeldOrNot_WhateverItsLevel()
    {
        State(Proficiency.Expert, CompetenceKind.Certification, [new Held(Proficiency.Basic, Today.AddYears(-1), Today.AddYears(1))], false, Today).State.ShouldBe(NeedState.Met);
    }

    [Fact]
    public void Expiry_MakesANeedExpiringWithinTheWindow_AndAGapOnceLapsed_UnlessRenewed()
    {
        var lapsing = new Held(Proficiency.Working, Today.AddYears(-3), Today.AddDays(ExpiringWithinDays));
        State(Proficiency.Working, CompetenceKind.Certification, [lapsing], false, Today).ShouldBe((NeedState.Expiring, Today.AddDays(ExpiringWithinDays)));
        State(Proficiency.Working, CompetenceKind.Certification, [lapsing with { ExpiresOn = Today.AddDays(ExpiringWithinDays + 1) }], false, Today).State.ShouldBe(NeedState.Met);
        var lapsed = lapsing with { ExpiresOn = Today.AddDays(-1) };
        State(Proficiency.Working, CompetenceKind.Certification, [lapsed], false, Today).ShouldBe((NeedState.Expired, Today.AddDays(-1)));
        State(Proficiency.Working, CompetenceKind.Certification, [lapsed], true, Today).State.ShouldBe(NeedState.Planned);
        State(Proficiency.Working, CompetenceKind.Certification, [lapsed, new Held(Proficiency.Working, Today, Today.AddYears(3))], false, Today).State.ShouldBe(NeedState.Met);
    }

    [Fact]
    public void EvidenceDatedLater_DoesNotCountYet_AndTheExpiryDayStillCounts()
    {
        State(Proficiency.Basic, CompetenceKind.Knowledge, [new Held(Proficiency.Expert, Today.AddDays(1), null)], false, Today).State.ShouldBe(NeedState.Gap);
        Counts(new Held(Proficiency.Basic, Today.AddYears(-1), Today), Proficiency.Basic, CompetenceKind.Knowledge, Today).ShouldBeTrue();
    }

    [Fact]
    public void ARaciRow_NeedsExactlyOneAccountable_AndNamesTheRolesOtherwise()
    {
        RaciActivity.CheckRow([("Owner", RaciLetter.Accountable), ("Deputy", RaciLetter.Responsible)]).ShouldBeNull();
        RaciActivity.CheckRow([("Owner", RaciLetter.AccountableResponsible), ("Board", RaciLetter.Informed)]).ShouldBeNull();
        RaciActivity.CheckRow([("Owner", RaciLetter.Responsible)])!.Message.ShouldContain("exactly one role Accountable");
        RaciActivity.CheckRow([("Owner", RaciLetter.Accountable), ("Deputy", RaciLetter.AccountableResponsible)])!.Message.ShouldContain("Owner and Deputy are both marked Accountable");
    }
}
