using OpenIsms.Core.Documents;

namespace OpenIsms.UnitTests.Documents;

public class DocumentVersionTests
{
    private static DocumentVersion Draft(string text = "Some text")
    {
        var draft = DocumentVersion.FirstDraft(Guid.NewGuid(), "author");
        draft.Edit(text, "First", askAcknowledgement: false).Succeeded.ShouldBeTrue();
        return draft;
    }

    [Theory]
    // needed, approvers, approved, rejected → outcome
    [InlineData(3, 3, 3, 0, ApprovalDecision.Approved)] // all: everyone approved
    [InlineData(3, 3, 2, 0, ApprovalDecision.Pending)]
    [InlineData(3, 3, 2, 1, ApprovalDecision.Rejected)] // all: one rejection is enough to fail
    [InlineData(1, 3, 1, 0, ApprovalDecision.Approved)] // any one
    [InlineData(1, 3, 0, 2, ApprovalDecision.Pending)] // any one: the third may still approve
    [InlineData(1, 3, 0, 3, ApprovalDecision.Rejected)]
    [InlineData(2, 3, 1, 1, ApprovalDecision.Pending)] // 2 of 3: still reachable
    [InlineData(2, 3, 0, 2, ApprovalDecision.Rejected)] // 2 of 3: no longer reachable
    [InlineData(2, 3, 2, 1, ApprovalDecision.Approved)]
    public void Quorum_DecidesOnceReachedOrUnreachable(int needed, int approvers, int approved, int rejected, ApprovalDecision expected) =>
        DocumentVersion.Outcome(needed, approvers, approved, rejected).ShouldBe(expected);

    [Fact]
    public void ADraft_IsEditedFreely_ThenFrozenBySubmission_AndApprovalRecordsTheHashOfItsText()
    {
        var draft = Draft("Line\r\nNext\r\n");
        draft.Content.ShouldBe("Line\nNext\n"); // the same text hashes the same whichever browser sent it
        draft.Submit("author", DateTime.UtcNow, Quorum.All, 0, approvers: 2).Succeeded.ShouldBeTrue();
        draft.QuorumCount.ShouldBe(2);
        draft.Round.ShouldBe(1);

        var edit = draft.Edit("Changed", null, false);
        edit.Succeeded.ShouldBeFalse();
        edit.Errors.Single().Message.ShouldContain("can no longer be changed");
        draft.Content.ShouldBe("Line\nNext\n");
        draft.Submit("author", DateTime.UtcNow, Quorum.All, 0, 2).Succeeded.ShouldBeFalse();

        draft.Approve(DateTime.UtcNow);
        draft.State.ShouldBe(VersionState.Current);
        draft.ContentSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Line\nNext\n"u8)));
    }

    [Fact]
    public void Submitting_NeedsText_AnApprover_AndAReachableCount()
    {
        var empty = DocumentVersion.FirstDraft(Guid.NewGuid(), "author");
        empty.Submit("author", DateTime.UtcNow, Quorum.All, 0, 1).Errors.ShouldContain(e => e.Message.Contains("Write the document's text"));
        Draft().Submit("author", DateTime.UtcNow, Quorum.All, 0, 0).Errors.ShouldContain(e => e.Field == "ApproverIds");
        Draft().Submit("author", DateTime.UtcNow, Quorum.Count, 3, 2).Errors.ShouldContain(e => e.Field == "QuorumCount");
        var any = Draft();
        any.Submit("author", DateTime.UtcNow, Quorum.Any, 0, 4).Succeeded.ShouldBeTrue();
        any.QuorumCount.ShouldBe(1);
    }

    [Fact]
    public void ARejection_ReturnsTheVersionToItsAuthor_AndTheNextSubmissionIsANewRound()
    {
        var draft = Draft();
        draft.Submit("author", DateTime.UtcNow, Quorum.All, 0, 1);
        var decision = DocumentApproval.Ask(draft, "approver");
        decision.Decide(approve: false, reason: " ", DateTime.UtcNow).Errors.Single().Field.ShouldBe("Reason");
        decision.Decide(approve: false, reason: "Section 3 is wrong", DateTime.UtcNow).Succeeded.ShouldBeTrue();
        decision.Decide(approve: true, reason: null, DateTime.UtcNow).Succeeded.ShouldBeFalse();
        draft.Reopen();
        draft.Edit("Fixed", null, false).Succeeded.ShouldBeTrue();
        draft.Submit("author", DateTime.UtcNow, Quorum.All, 0, 1).Succeeded.ShouldBeTrue();
        draft.Round.ShouldBe(2);
    }

    [Fact]
    public void TheNextVersion_IsMinorOrMajor_AndOnlyAMajorOneAsksForAcknowledgementAgain()
    {
        var current = Draft("Text");
        current.Submit("author", DateTime.UtcNow, Quorum.Any, 0, 1);
        current.Approve(DateTime.UtcNow);
        var minor = DocumentVersion.After(current, major: false, "author");
        minor.Label.ShouldBe("0.2");
        minor.Content.ShouldBe("Text");
        minor.Edit("Text", null, askAcknowledgement: false);
        minor.AskAcknowledgement.ShouldBeTrue(); // before 1.0 every version is a first issue
        var released = DocumentVersion.After(current, major: true, "author");
        released.Label.ShouldBe("1.0");
        released.AskAcknowledgement.ShouldBeTrue();
        released.Approve(DateTime.UtcNow);
        var patch = DocumentVersion.After(released, major: false, "author");
        patch.Label.ShouldBe("1.1");
        patch.Edit("Typo fixed", null, askAcknowledgement: false);
        patch.AskAcknowledgement.ShouldBeFalse();
        patch.Edit("Typo fixed", null, askAcknowledgement: true);
        patch.AskAcknowledgement.ShouldBeTrue();
    }
}

public class AcknowledgementLinkTests
{
    [Fact]
    public void ALink_KeepsOnlyTheHashOfItsToken_ExpiresAfterThirtyDays_AndWorksOnce()
    {
        var version = DocumentVersion.FirstDraft(Guid.NewGuid(), "a");
        version.Edit("x", null, false);
        version.Submit("a", DateTime.UtcNow, Quorum.Any, 0, 1);
        version.Approve(DateTime.UtcNow);
        var campaign = AckCampaign.Start(version, "Everyone", new DateOnly(2030, 1, 1), null, "a", 1);
        var ack = Acknowledgement.Ask(campaign, Guid.NewGuid(), "Ann", "ann@example.org", "Sales");
        var now = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
        var token = ack.IssueLink(now, reminder: false);

        token.Length.ShouldBe(43); // 32 random bytes, base64url without padding
        ack.TokenHash.ShouldBe(Acknowledgement.HashToken(token));
        ack.TokenHash!.ShouldNotContain(token);
        ack.LinkExpired(now.AddDays(30)).ShouldBeFalse();
        ack.LinkExpired(now.AddDays(30).AddSeconds(1)).ShouldBeTrue();

        var reminder = ack.IssueLink(now.AddDays(3), reminder: true);
        reminder.ShouldNotBe(token);
        ack.TokenHash.ShouldNotBe(Acknowledgement.HashToken(token)); // the first link no longer matches anything
        ack.Reminders.ShouldBe(1);

        ack.Acknowledge(version.ContentSha256!, Acknowledge.ByLink, now.AddDays(4)).Succeeded.ShouldBeTrue();
        ack.ContentSha256.ShouldBe(version.ContentSha256);
        ack.Acknowledge(version.ContentSha256!, Acknowledge.ByLink, now.AddDays(5)).Succeeded.ShouldBeFalse();
        ack.AcknowledgedAt.ShouldBe(now.AddDays(4));
    }
}

public class DocumentMarkdownTests
{
    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("mailto:isms@example.org", true)]
    [InlineData("#section-2", true)]
    [InlineData("/documents", true)]
    [InlineData("policies/access.md", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("//evil.example/x", false)]
    public void OnlySafeAddresses_AreLinks(string url, bool safe) => DocumentMarkdown.IsSafe(url).ShouldBe(safe);

    [Fact]
    public void RawHtml_AndUnsafeLinks_AreShownAsText_AndHeadingsSitBelowThePageTitle()
    {
        var html = DocumentMarkdown.ToHtml("# Title\n\n<img src=x onerror=alert(1)>\n\n[go](javascript:alert(1)) <javascript:alert(2)> [ok](https://example.org)\n\n![pic](javascript:x)");
        html.ShouldContain("<h2");
        html.ShouldNotContain("<h1");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        html.ShouldNotContain("href=\"javascript", Case.Insensitive);
        html.ShouldContain("[go](javascript:alert(1))");
        html.ShouldContain("<a href=\"https://example.org\">ok</a>");
    }
}
