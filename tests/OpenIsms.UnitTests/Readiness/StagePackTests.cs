using OpenIsms.Core.Readiness;

namespace OpenIsms.UnitTests.Readiness;

/// <summary>A pack's life: it holds the single "active" slot while queued or building and gives it up when it ends.</summary>
public sealed class StagePackTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Request_HoldsTheActiveSlot_UntilBuilt_ThenIsKeptSevenDays()
    {
        var pack = StagePack.Request("u1", "Olga", Now);
        (pack.State, pack.Active).ShouldBe((StagePackState.Queued, StagePack.ActiveSlot));
        pack.Started(Now.AddSeconds(2));
        (pack.State, pack.Active, pack.StartedAt).ShouldBe((StagePackState.Building, StagePack.ActiveSlot, Now.AddSeconds(2)));
        pack.Started(Now.AddMinutes(9)); // taken over by another node: it started when it first started
        pack.StartedAt.ShouldBe(Now.AddSeconds(2));

        pack.Built("stage1.zip", new string('a', 64), 1234, 15, 99, "hash", Now.AddMinutes(1));
        (pack.State, pack.Active, pack.ExpiresAt, pack.FileCount, pack.LogSequence).ShouldBe((StagePackState.Ready, null, Now.AddMinutes(1).AddDays(7), 15, 99L));
        pack.Expired();
        pack.State.ShouldBe(StagePackState.Expired);
    }

    [Fact]
    public void Failed_GivesUpTheSlot_AndKeepsAShortenedReason()
    {
        var pack = StagePack.Request("u1", "Olga", Now);
        pack.Failed(new string('x', 5_000), Now);
        (pack.State, pack.Active).ShouldBe((StagePackState.Failed, null));
        pack.Error!.Length.ShouldBeLessThan(5_000);
    }
}
