using System.Text;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Evidence;
using EvidenceItem = OpenIsms.Core.Evidence.Evidence;

namespace OpenIsms.UnitTests.Evidence;

public class EvidenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("report.pdf", "%PDF-1.7\n", "application/pdf")]
    [InlineData("screen.png", "\x89PNG\r\n\x1a\n....", "image/png")]
    [InlineData("export.csv", "user,role\nada,admin\n", "text/csv")]
    [InlineData("config.json", "  {\"a\": 1}", "application/json")]
    [InlineData("REPORT.PDF", "%PDF-1.4", "application/pdf")]
    public void AFile_WhoseContentMatchesItsName_IsAccepted(string name, string head, string type)
    {
        var (contentType, error) = EvidenceFileTypes.Check(name, Encoding.Latin1.GetBytes(head));
        error.ShouldBeNull();
        contentType.ShouldBe(type);
    }

    [Theory]
    [InlineData("invoice.pdf", "MZ\x90\0", "not a PDF file")]
    [InlineData("photo.jpg", "%PDF-1.4", "not a JPG file")]
    [InlineData("notes.txt", "abc\0def", "not a TXT file")]
    [InlineData("data.json", "<xml/>", "not a JSON file")]
    [InlineData("tool.exe", "MZ", "not accepted")]
    [InlineData("script.ps1", "Write-Host", "not accepted")]
    [InlineData("empty.pdf", "", "empty")]
    public void AFile_WhoseContentDoesNotMatch_IsRefused(string name, string head, string message)
    {
        var (contentType, error) = EvidenceFileTypes.Check(name, Encoding.Latin1.GetBytes(head));
        contentType.ShouldBeNull();
        error!.ShouldContain(message);
    }

    [Fact]
    public void Text_CutInTheMiddleOfACharacter_AtTheEndOfTheHead_IsStillText()
    {
        var text = "a" + new StringBuilder().Insert(0, "é", FileEvidenceStore.HeadBytes);
        var head = Encoding.UTF8.GetBytes(text).AsSpan(0, FileEvidenceStore.HeadBytes + 1)[..FileEvidenceStore.HeadBytes].ToArray();
        head[^1].ShouldBe((byte)0xC3); // the first byte of a cut "é"
        EvidenceFileTypes.Check("names.txt", head).Error.ShouldBeNull();
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "/ or \\")]
    [InlineData("reports\\q1.pdf", "/ or \\")]
    [InlineData("..", "/ or \\")]
    [InlineData("bell\u0007.pdf", "control characters")]
    [InlineData("line\nbreak.pdf", "control characters")]
    [InlineData("", "no name")]
    public void AFileName_ThatNamesAPath_OrHoldsControlCharacters_IsRefused(string name, string message) =>
        EvidenceFileTypes.CheckName(name)!.ShouldContain(message);

    [Fact]
    public void AnOrdinaryFileName_IsFine() => EvidenceFileTypes.CheckName("Access review Q1 (signed).pdf").ShouldBeNull();

    [Theory]
    [InlineData(EvidenceReview.Pending, null, EvidenceState.AwaitingReview)]
    [InlineData(EvidenceReview.Accepted, null, EvidenceState.Current)]
    [InlineData(EvidenceReview.Accepted, "2027-03-01", EvidenceState.Current)]
    [InlineData(EvidenceReview.Accepted, "2026-12-30", EvidenceState.ExpiringSoon)]
    [InlineData(EvidenceReview.Accepted, "2026-12-01", EvidenceState.ExpiringSoon)]
    [InlineData(EvidenceReview.Accepted, "2026-11-30", EvidenceState.Expired)]
    [InlineData(EvidenceReview.Pending, "2026-11-30", EvidenceState.Expired)]
    [InlineData(EvidenceReview.Rejected, "2027-03-01", EvidenceState.Rejected)]
    public void TheState_FollowsTheReviewAndTheDates(EvidenceReview review, string? validUntil, EvidenceState state) =>
        EvidenceItem.StateOf(review, validUntil is null ? null : DateOnly.Parse(validUntil, System.Globalization.CultureInfo.InvariantCulture), Today).ShouldBe(state);

    [Fact]
    public void ANote_NeedsItsText_ALinkAWebAddress_AndValidityCannotEndBeforeCollection()
    {
        var details = new EvidenceItem.Details("Checked", null, Today, null);
        EvidenceItem.Create(EvidenceKind.Note, details, "u1", null).Errors.Single().Field.ShouldBe("Description");
        EvidenceItem.Create(EvidenceKind.Link, details, "u1", null, "file:///etc/passwd").Errors.Single().Field.ShouldBe("Url");
        EvidenceItem.Create(EvidenceKind.Link, details, "u1", null, "https://tickets.example/1").Succeeded.ShouldBeTrue();
        EvidenceItem.Create(EvidenceKind.Note, details with { Description = "ok", ValidUntil = Today.AddDays(-1) }, "u1", null).Errors.Single().Field.ShouldBe("ValidUntil");
        EvidenceItem.Create(EvidenceKind.Note, details with { Description = "ok", CollectedOn = default }, "u1", null).Errors.Single().Field.ShouldBe("CollectedOn");
    }

    [Fact]
    public void ARejection_NeedsAReason_AndTheReviewRecordsWhoAndWhen()
    {
        var evidence = EvidenceItem.Create(EvidenceKind.Note, new("Checked", "All fine", Today, null), "u1", null).Value!;
        evidence.Decide(EvidenceReview.Rejected, " ", "u2", DateTime.UtcNow).Errors.Single().Field.ShouldBe("Comment");
        evidence.Decide(EvidenceReview.Pending, null, "u2", DateTime.UtcNow).Succeeded.ShouldBeFalse();
        var at = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        evidence.Decide(EvidenceReview.Accepted, null, "u2", at).Succeeded.ShouldBeTrue();
        (evidence.Review, evidence.ReviewedById, evidence.ReviewedAt).ShouldBe((EvidenceReview.Accepted, "u2", (DateTime?)at));
    }

    [Theory]
    [InlineData(ControlFrequency.Daily, "2026-12-02")]
    [InlineData(ControlFrequency.Weekly, "2026-12-08")]
    [InlineData(ControlFrequency.Monthly, "2027-01-01")]
    [InlineData(ControlFrequency.Quarterly, "2027-03-01")]
    [InlineData(ControlFrequency.HalfYearly, "2027-06-01")]
    [InlineData(ControlFrequency.Yearly, "2027-12-01")]
    [InlineData(ControlFrequency.Continuous, null)]
    [InlineData(ControlFrequency.OnEvent, null)]
    public void TheNextRun_IsOnePeriodLater(ControlFrequency frequency, string? next) =>
        ControlSchedule.Next(frequency, Today).ShouldBe(next is null ? null : DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void EvidenceOfAContinuousControl_CountsForAYear_AndOfAnEventDrivenOne_WithoutLimit()
    {
        ControlSchedule.EvidenceValidUntil(ControlFrequency.Continuous, Today).ShouldBe(Today.AddYears(1));
        ControlSchedule.EvidenceValidUntil(ControlFrequency.OnEvent, Today).ShouldBeNull();
        ControlSchedule.EvidenceValidUntil(ControlFrequency.Quarterly, new DateOnly(2026, 11, 30)).ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Fact]
    public void ARun_IsCompletedOnce()
    {
        var task = ControlTask.Open(Guid.NewGuid(), Today);
        task.Complete("u1", "done", DateTime.UtcNow).Succeeded.ShouldBeTrue();
        task.Status.ShouldBe(ControlTaskStatus.Done);
        task.Complete("u1", "again", DateTime.UtcNow).Errors.Single().Message.ShouldContain("already done");
    }
}
