using OpenIsms.Core.Common;
using OpenIsms.Core.Context;

namespace OpenIsms.UnitTests.Context;

public class ContextIssueTests
{
    [Fact]
    public void Update_ValidIssue_StoresTrimmedValues()
    {
        var issue = new ContextIssue();

        var result = issue.Update(IssueOrigin.External, "  Heat waves  ", " Environment ", "  ", IssueEffect.Risk, true, " Cooling in server room. ");

        result.Succeeded.ShouldBeTrue();
        issue.Origin.ShouldBe(IssueOrigin.External);
        issue.Title.ShouldBe("Heat waves");
        issue.Category.ShouldBe("Environment");
        issue.Description.ShouldBeNull();
        issue.Effect.ShouldBe(IssueEffect.Risk);
        issue.ClimateRelated.ShouldBeTrue();
        issue.Response.ShouldBe("Cooling in server room.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Update_BlankTitle_IsRejected(string title)
    {
        var issue = new ContextIssue();

        var result = issue.Update(IssueOrigin.Internal, title, null, null, IssueEffect.Neutral, false, null);

        result.Errors.ShouldBe([new FieldError(nameof(ContextIssue.Title), "Enter a short title for the issue.")]);
    }

    [Fact]
    public void Update_CategoryOver100Characters_IsRejected()
    {
        var issue = new ContextIssue();

        issue.Update(IssueOrigin.Internal, "Hiring", new string('c', 101), null, IssueEffect.Neutral, false, null)
            .Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ContextIssue.Category));
        issue.Update(IssueOrigin.Internal, "Hiring", new string('c', 100), null, IssueEffect.Neutral, false, null)
            .Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Update_ResponseOverLimit_IsRejectedAndIssueUnchanged()
    {
        var issue = new ContextIssue();
        issue.Update(IssueOrigin.Internal, "Hiring", null, null, IssueEffect.Opportunity, false, "Grow the team.").Succeeded.ShouldBeTrue();

        var result = issue.Update(IssueOrigin.External, "Changed", null, null, IssueEffect.Risk, true, new string('r', Limits.LongText + 1));

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ContextIssue.Response));
        issue.Title.ShouldBe("Hiring");
        issue.Origin.ShouldBe(IssueOrigin.Internal);
        issue.Effect.ShouldBe(IssueEffect.Opportunity);
        issue.ClimateRelated.ShouldBeFalse();
        issue.Response.ShouldBe("Grow the team.");
    }
}
