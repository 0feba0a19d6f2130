using OpenIsms.Core.Common;
using OpenIsms.Core.Scope;

namespace OpenIsms.UnitTests.Scope;

public class ScopeRevisionTests
{
    private static readonly DateTime Now = new(2025, 6, 2, 9, 30, 0, DateTimeKind.Utc);

    private static ScopeRevision ReadyDraft()
    {
        var draft = ScopeRevision.First();
        draft.Update("All SaaS operations of Acme from Berlin.", ClimateRelevance.NotRelevant, "Fully remote, cloud hosted.", null)
            .Succeeded.ShouldBeTrue();
        return draft;
    }

    private static ScopeRevision Approved()
    {
        var revision = ReadyDraft();
        revision.Approve("u-1", "Alice Manager", Now).Succeeded.ShouldBeTrue();
        return revision;
    }

    [Fact]
    public void First_NewScope_IsEmptyDraftNumberOne()
    {
        var first = ScopeRevision.First();

        first.Number.ShouldBe(1);
        first.Status.ShouldBe(ScopeStatus.Draft);
        first.IsDraft.ShouldBeTrue();
        first.Statement.ShouldBe("");
        first.ClimateChange.ShouldBe(ClimateRelevance.NotDetermined);
        first.ApprovedAt.ShouldBeNull();
    }

    [Fact]
    public void Update_Draft_StoresTrimmedTextAndDropsBlankNote()
    {
        var draft = ScopeRevision.First();

        var result = draft.Update("  Acme cloud platform  ", ClimateRelevance.Relevant, "  Data centres in flood areas. ", "   ");

        result.Succeeded.ShouldBeTrue();
        draft.Statement.ShouldBe("Acme cloud platform");
        draft.ClimateChange.ShouldBe(ClimateRelevance.Relevant);
        draft.ClimateChangeRationale.ShouldBe("Data centres in flood areas.");
        draft.ChangeNote.ShouldBeNull();
    }

    [Theory]
    [InlineData(ClimateRelevance.Relevant, null)]
    [InlineData(ClimateRelevance.Relevant, "  ")]
    [InlineData(ClimateRelevance.NotRelevant, null)]
    [InlineData(ClimateRelevance.NotRelevant, "")]
    public void Update_ClimateDecidedWithoutRationale_IsRejected(ClimateRelevance climate, string? rationale)
    {
        var draft = ScopeRevision.First();

        var result = draft.Update("Acme cloud platform", climate, rationale, null);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ScopeRevision.ClimateChangeRationale));
        draft.Statement.ShouldBe("");
        draft.ClimateChange.ShouldBe(ClimateRelevance.NotDetermined);
    }

    [Fact]
    public void Update_ClimateNotYetDetermined_NeedsNoRationale()
    {
        var draft = ScopeRevision.First();

        draft.Update("Acme cloud platform", ClimateRelevance.NotDetermined, null, null).Succeeded.ShouldBeTrue();
        draft.Statement.ShouldBe("Acme cloud platform");
    }

    [Fact]
    public void Update_StatementOverLimit_IsRejectedAndDraftUnchanged()
    {
        var draft = ReadyDraft();

        var result = draft.Update(new string('s', Limits.Statement + 1), ClimateRelevance.NotRelevant, "Remote.", null);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ScopeRevision.Statement));
        draft.Statement.ShouldBe("All SaaS operations of Acme from Berlin.");
    }

    [Fact]
    public void Update_StatementAtLimit_IsAccepted()
    {
        var draft = ScopeRevision.First();

        draft.Update(new string('s', Limits.Statement), ClimateRelevance.NotDetermined, null, null).Succeeded.ShouldBeTrue();
        draft.Statement.Length.ShouldBe(Limits.Statement);
    }

    [Fact]
    public void Update_ApprovedVersion_IsRefusedAndTextStaysFrozen()
    {
        var approved = Approved();

        var result = approved.Update("Something else", ClimateRelevance.Relevant, "Changed our mind.", "edit");

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("Start a new version");
        approved.Statement.ShouldBe("All SaaS operations of Acme from Berlin.");
        approved.ClimateChange.ShouldBe(ClimateRelevance.NotRelevant);
    }

    [Fact]
    public void Approve_CompleteDraft_RecordsApproverAndTime()
    {
        var draft = ReadyDraft();

        var result = draft.Approve("u-1", "Alice Manager", Now);

        result.Succeeded.ShouldBeTrue();
        draft.Status.ShouldBe(ScopeStatus.Approved);
        draft.IsDraft.ShouldBeFalse();
        draft.ApprovedById.ShouldBe("u-1");
        draft.ApprovedByName.ShouldBe("Alice Manager");
        draft.ApprovedAt.ShouldBe(Now);
    }

    [Fact]
    public void Approve_WithoutStatement_IsRejectedAndStaysDraft()
    {
        var draft = ScopeRevision.First();
        draft.Update("   ", ClimateRelevance.NotRelevant, "Remote.", null).Succeeded.ShouldBeTrue();

        var result = draft.Approve("u-1", "Alice Manager", Now);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ScopeRevision.Statement));
        draft.Status.ShouldBe(ScopeStatus.Draft);
        draft.ApprovedById.ShouldBeNull();
        draft.ApprovedAt.ShouldBeNull();
    }

    [Fact]
    public void Approve_ClimateNotDetermined_IsRejected()
    {
        var draft = ScopeRevision.First();
        draft.Update("Acme cloud platform", ClimateRelevance.NotDetermined, null, null).Succeeded.ShouldBeTrue();

        var result = draft.Approve("u-1", "Alice Manager", Now);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ScopeRevision.ClimateChange));
        draft.Status.ShouldBe(ScopeStatus.Draft);
    }

    [Fact]
    public void Approve_EmptyDraft_ReportsBothMissingDecisions()
    {
        var result = ScopeRevision.First().Approve("u-1", "Alice Manager", Now);

        result.Errors.Select(e => e.Field).ShouldBe([nameof(ScopeRevision.Statement), nameof(ScopeRevision.ClimateChange)]);
    }

    [Fact]
    public void Approve_AlreadyApproved_IsRefusedAndKeepsFirstApprover()
    {
        var approved = Approved();

        var result = approved.Approve("u-2", "Bob Other", Now.AddDays(1));

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Version 1 is already approved.");
        approved.ApprovedByName.ShouldBe("Alice Manager");
        approved.ApprovedAt.ShouldBe(Now);
    }

    [Fact]
    public void Approve_Superseded_IsRefused()
    {
        var old = Approved();
        old.Supersede();

        var result = old.Approve("u-2", "Bob Other", Now.AddDays(1));

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("Version 1 is already superseded.");
        old.Status.ShouldBe(ScopeStatus.Superseded);
    }

    [Fact]
    public void Supersede_ApprovedVersion_BecomesSupersededAndKeepsApproval()
    {
        var approved = Approved();

        approved.Supersede();

        approved.Status.ShouldBe(ScopeStatus.Superseded);
        approved.ApprovedByName.ShouldBe("Alice Manager");
    }

    [Fact]
    public void Supersede_Draft_StaysDraft()
    {
        var draft = ReadyDraft();

        draft.Supersede();

        draft.Status.ShouldBe(ScopeStatus.Draft);
    }

    [Fact]
    public void StartNext_ApprovedVersion_StartsDraftWithItsText()
    {
        var approved = Approved();

        var next = approved.StartNext();

        next.Number.ShouldBe(2);
        next.Status.ShouldBe(ScopeStatus.Draft);
        next.Id.ShouldNotBe(approved.Id);
        next.Statement.ShouldBe(approved.Statement);
        next.ClimateChange.ShouldBe(ClimateRelevance.NotRelevant);
        next.ClimateChangeRationale.ShouldBe("Fully remote, cloud hosted.");
        next.ApprovedById.ShouldBeNull();
        next.ApprovedByName.ShouldBeNull();
        next.ApprovedAt.ShouldBeNull();
    }

    [Fact]
    public void StartNext_PreviousChangeNote_IsNotCarriedOver()
    {
        var draft = ScopeRevision.First();
        draft.Update("Acme", ClimateRelevance.NotRelevant, "Remote.", "Initial scope").Succeeded.ShouldBeTrue();
        draft.Approve("u-1", "Alice Manager", Now).Succeeded.ShouldBeTrue();

        draft.StartNext().ChangeNote.ShouldBeNull();
    }

    [Fact]
    public void StartNext_EditingNextDraft_LeavesApprovedVersionUnchanged()
    {
        var approved = Approved();
        var next = approved.StartNext();

        next.Update("Acme, now including the Paris office.", ClimateRelevance.Relevant, "Paris office is in a flood zone.", "Added Paris")
            .Succeeded.ShouldBeTrue();
        next.Approve("u-1", "Alice Manager", Now.AddMonths(1)).Succeeded.ShouldBeTrue();
        approved.Supersede();

        approved.Statement.ShouldBe("All SaaS operations of Acme from Berlin.");
        approved.Status.ShouldBe(ScopeStatus.Superseded);
        next.Status.ShouldBe(ScopeStatus.Approved);
        next.StartNext().Number.ShouldBe(3);
    }
}
