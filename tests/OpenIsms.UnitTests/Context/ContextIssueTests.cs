using OpenIsms.Core.Common;
using OpenIsms.Core.Context;

namespace OpenIsms.UnitTests.Context;

public class ContextIssueTests
{
    [Fact]
    public void Update_ValidIssue_StoresTrimmedValues()
    {
        var issue = new ContextIssue();

        var result = issue.Update(new SaveContextIssue.Command { Origin = IssueOrigin.External, Title = "  Heat waves  ", Category = " Environment ", Description = "  ", Effect = IssueEffect.Risk, ClimateRelated = true, Response = " Cooling in server room. " });

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

        var result = issue.Update(new SaveContextIssue.Command { Origin = IssueOrigin.Internal, Title = title, Effect = IssueEffect.Neutral, ClimateRelated = false });

        result.Errors.ShouldBe([new FieldError(nameof(ContextIssue.Title), "Enter a short title for the issue.")]);
    }

    [Fact]
    public void Update_CategoryOver100Characters_IsRejected()
    {
        var issue = new ContextIssue();

        issue.Update(new SaveContextIssue.Command { Origin = IssueOrigin.Internal, Title = "Hiring", Category = new string('c', 101), Effect = IssueEffect.Neutral, ClimateRelated = false })
            .Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ContextIssue.Category));
        issue.Update(new SaveContextIssue.Command { Origin = IssueOrigin.Internal, Title = "Hiring", Category = new string('c', 100), Effect = IssueEffect.Neutral, ClimateRelated = false })
            .Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Update_ResponseOverLimit_IsRejectedAndIssueUnchanged()
    {
        var issue = new ContextIssue();
        issue.Update(new SaveContextIssue.Command { Origin = IssueOrigin.Internal, Title = "Hiring", Effect = IssueEffect.Opportunity, ClimateRelated = false, Response = "Grow the team." }).Succeeded.ShouldBeTrue();

        var result = issue.Update(new SaveContextIssue.Command { Origin = IssueOrigin.External, Title = "Changed", Effect = IssueEffect.Risk, ClimateRelated = true, Response = new string('r', Limits.LongText + 1) });

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ContextIssue.Response));
        issue.Title.ShouldBe("Hiring");
        issue.Origin.ShouldBe(IssueOrigin.Internal);
        issue.Effect.ShouldBe(IssueEffect.Opportunity);
        issue.ClimateRelated.ShouldBeFalse();
        issue.Response.ShouldBe("Grow the team.");
    }
}
