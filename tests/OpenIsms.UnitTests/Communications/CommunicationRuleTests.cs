using OpenIsms.Core.Communications;

namespace OpenIsms.UnitTests.Communications;

/// <summary>When a planned communication is next due once it has happened, and what a line of the plan refuses.</summary>
public class CommunicationRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static CommunicationItem Planned(CommunicationFrequency frequency, DateOnly? due, string? trigger = null)
    {
        var item = new CommunicationItem();
        var result = item.Update(new SaveCommunication.Command
        {
            Subject = "Security update", Audience = "All staff", Channel = "E-mail", OwnerId = "u1", Frequency = frequency, NextDueOn = due, Trigger = trigger,
        }, Today, creating: true);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return item;
    }

    [Fact]
    public void OnTimeOrEarly_TheNextDateIsAPeriodAfterTheDueDate()
    {
        var item = Planned(CommunicationFrequency.Quarterly, Today.AddDays(10));
        item.Happened(Today);
        item.NextDueOn.ShouldBe(Today.AddDays(10).AddMonths(3));
    }

    [Fact]
    public void Late_TheNextDateIsAPeriodAfterItHappened()
    {
        var item = Planned(CommunicationFrequency.Monthly, Today);
        item.Happened(Today.AddDays(12));
        item.NextDueOn.ShouldBe(Today.AddDays(12).AddMonths(1));
    }

    [Fact]
    public void ARecordFromBeforeTheCurrentPeriod_IsHistory_AndMovesNothing()
    {
        var item = Planned(CommunicationFrequency.Annually, Today.AddDays(30));
        item.Happened(Today.AddDays(30).AddYears(-1));
        item.NextDueOn.ShouldBe(Today.AddDays(30));
        item.Happened(Today.AddDays(30).AddYears(-1).AddDays(1));
        item.NextDueOn.ShouldBe(Today.AddDays(30).AddYears(1));
    }

    [Fact]
    public void SentOnce_IsDone_AndOnAnEvent_HasNoDate()
    {
        var once = Planned(CommunicationFrequency.Once, Today.AddDays(5));
        once.Happened(Today);
        once.NextDueOn.ShouldBeNull();

        var onEvent = Planned(CommunicationFrequency.OnEvent, Today.AddDays(5), "The policy changes");
        onEvent.NextDueOn.ShouldBeNull();
        onEvent.Happened(Today);
        onEvent.NextDueOn.ShouldBeNull();
    }

    [Fact]
    public void ALine_RefusesAMissingDate_AnEventWithoutItsTrigger_AndAPastDate()
    {
        static IEnumerable<string> Fields(SaveCommunication.Command c) => new CommunicationItem().Update(c, Today, creating: true).Errors.Select(e => e.Field);
        var complete = new SaveCommunication.Command { Subject = "S", Audience = "A", Channel = "C", OwnerId = "u1" };
        Fields(complete).ShouldBe(["NextDueOn"]);
        Fields(new() { Subject = "S", Audience = "A", Channel = "C", OwnerId = "u1", Frequency = CommunicationFrequency.OnEvent }).ShouldBe(["Trigger"]);
        Fields(new() { Subject = "S", Audience = "A", Channel = "C", OwnerId = "u1", NextDueOn = Today.AddDays(-1) }).ShouldBe(["NextDueOn"]);
        Fields(new() { Subject = "S", Audience = "A", Channel = "C", OwnerId = "u1", NextDueOn = Today }).ShouldBeEmpty();
    }
}
