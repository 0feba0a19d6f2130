using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data.Log;

namespace OpenIsms.UnitTests.Activity;

public class ActivityRecorderTests
{
    private static readonly DateTime Now = new(2025, 6, 2, 9, 30, 15, 123, 456, DateTimeKind.Utc);

    private static readonly ActivityKey Key = ActivityKey.New(Now);

    private sealed class TestUser(string? id, string name) : ICurrentUser
    {
        public string? UserId => id;

        public string DisplayName => name;

        public bool Has(string permission) => false;
    }

    private static ActivityRecorder.Pending Change(string id, string action = ActivityActions.Updated) =>
        new() { EntityType = "ScopeItem", EntityId = id, Action = action, Before = """{"Name":"Old"}""", After = """{"Name":"New"}""" };

    [Fact]
    public void Truncate_SubMicrosecondTicks_AreDroppedAndMicrosecondsKept()
    {
        var precise = Now.AddTicks(7);

        var truncated = ActivityRecorder.Truncate(precise);

        truncated.ShouldBe(Now);
        truncated.Microsecond.ShouldBe(456);
        truncated.Millisecond.ShouldBe(123);
        truncated.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Truncate_AlreadyWholeMicroseconds_IsUnchanged()
    {
        ActivityRecorder.Truncate(Now).ShouldBe(Now);
        ActivityRecorder.Truncate(Now).Ticks.ShouldBe(Now.Ticks);
    }

    [Fact]
    public void Chain_EmptyLog_FirstEntryIsOneAndLinksToGenesis()
    {
        var entries = ActivityRecorder.Chain([Change("a")], 0, ActivityHash.Genesis, Now, SystemUser.Instance, Key);

        var first = entries.ShouldHaveSingleItem();
        first.Sequence.ShouldBe(1);
        first.PreviousHash.ShouldBe(ActivityHash.Genesis);
        first.Hash.ShouldBe(ActivityHash.Compute(first, Key));
    }

    [Fact]
    public void Chain_SeveralChanges_ContinueSequenceAndLinkEachToThePrevious()
    {
        var lastHash = string.Concat(Enumerable.Repeat("cd", 32));

        var entries = ActivityRecorder.Chain([Change("a"), Change("b"), Change("c", ActivityActions.Deleted)], 41, lastHash, Now, SystemUser.Instance, Key);

        entries.Select(e => e.Sequence).ShouldBe([42L, 43L, 44L]);
        entries.Select(e => e.EntityId).ShouldBe(["a", "b", "c"]);
        entries[0].PreviousHash.ShouldBe(lastHash);
        entries[1].PreviousHash.ShouldBe(entries[0].Hash);
        entries[2].PreviousHash.ShouldBe(entries[1].Hash);
        entries.ShouldAllBe(e => e.Hash == ActivityHash.Compute(e, Key));
        entries.Select(e => e.Hash).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Chain_Change_RecordsWhoWhenAndWhat()
    {
        var entry = ActivityRecorder.Chain([Change("a")], 0, ActivityHash.Genesis, Now, new TestUser("u-7", "Alice Manager"), Key).Single();

        entry.UserId.ShouldBe("u-7");
        entry.UserName.ShouldBe("Alice Manager");
        entry.At.ShouldBe(Now);
        entry.EntityType.ShouldBe("ScopeItem");
        entry.Action.ShouldBe(ActivityActions.Updated);
        entry.Before.ShouldBe("""{"Name":"Old"}""");
        entry.After.ShouldBe("""{"Name":"New"}""");
    }

    [Fact]
    public void Chain_SystemWork_IsRecordedAsSystemWithoutUserId()
    {
        var entry = ActivityRecorder.Chain([Change("a")], 0, ActivityHash.Genesis, Now, SystemUser.Instance, Key).Single();

        entry.UserId.ShouldBeNull();
        entry.UserName.ShouldBe("System");
    }

    [Fact]
    public void Chain_NothingPending_WritesNothing()
    {
        ActivityRecorder.Chain([], 5, ActivityHash.Genesis, Now, SystemUser.Instance, Key).ShouldBeEmpty();
    }

    [Fact]
    public void Chain_Entries_AreKeyed_SoTheUnkeyedHashOrAnotherKeyCannotReproduceThem()
    {
        var entry = ActivityRecorder.Chain([Change("a")], 0, ActivityHash.Genesis, Now, SystemUser.Instance, Key).Single();

        entry.KeyId.ShouldBe(Key.Id);
        entry.Hash.ShouldNotBe(ActivityHash.Compute(entry));
        using var other = ActivityKey.New(Now);
        entry.Hash.ShouldNotBe(ActivityHash.Compute(entry, other));
    }

    [Fact]
    public void Chain_StateHash_IsCoveredByTheKeyedHash()
    {
        var entry = ActivityRecorder.Chain([Change("a") with { StateHash = new string('a', 64) }], 0, ActivityHash.Genesis, Now, SystemUser.Instance, Key).Single();

        entry.StateHash = new string('b', 64);

        ActivityHash.Compute(entry, Key).ShouldNotBe(entry.Hash);
    }

    [Fact]
    public void Chain_EntryEditedAfterwards_NoLongerMatchesItsHash()
    {
        var entries = ActivityRecorder.Chain([Change("a"), Change("b")], 0, ActivityHash.Genesis, Now, SystemUser.Instance, Key);

        entries[0].After = """{"Name":"Forged"}""";

        ActivityHash.Compute(entries[0], Key).ShouldNotBe(entries[0].Hash);
        entries[1].PreviousHash.ShouldNotBe(ActivityHash.Compute(entries[0], Key));
    }
}
