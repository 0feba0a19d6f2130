using OpenIsms.Core.Activity;
using OpenIsms.Core.Data.Log;

namespace OpenIsms.UnitTests.Activity;

public class ActivityHashTests
{
    private static ActivityEntry Sample() => new()
    {
        Sequence = 42,
        At = new DateTime(2025, 6, 2, 9, 30, 15, 123, 456, DateTimeKind.Utc),
        UserId = "u-1",
        UserName = "Alice Manager",
        EntityType = "ScopeRevision",
        EntityId = "0197a3c2-0000-7000-8000-000000000001",
        Action = ActivityActions.Updated,
        Before = """{"Statement":"Old"}""",
        After = """{"Statement":"New"}""",
        PreviousHash = string.Concat(Enumerable.Repeat("ab", 32)),
    };

    [Fact]
    public void Compute_KnownEntry_MatchesPinnedDigest()
    {
        // Pinned: logs already written must still verify, so what the hash covers must not drift.
        ActivityHash.Compute(Sample()).ShouldBe("a7182ecb8a04918c66c43870a5f83f3c9db390c8158a87807bb37bbad64fee00");
    }

    [Fact]
    public void Compute_SystemEntryWithoutUserOrBefore_MatchesPinnedDigest()
    {
        var entry = new ActivityEntry
        {
            Sequence = 1,
            At = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            UserId = null,
            UserName = "System",
            EntityType = "Requirement",
            EntityId = "x",
            Action = ActivityActions.Created,
            Before = null,
            After = "{}",
            PreviousHash = ActivityHash.Genesis,
        };

        ActivityHash.Compute(entry).ShouldBe("0ef4e12f32c918ce32ecc24464f1447fc20042e67ce76403fbdf7519a5da133a");
    }

    [Fact]
    public void Compute_SameContent_GivesSameLowercaseSha256()
    {
        var hash = ActivityHash.Compute(Sample());

        ActivityHash.Compute(Sample()).ShouldBe(hash);
        hash.Length.ShouldBe(64);
        hash.ShouldAllBe(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
    }

    [Fact]
    public void Compute_StoredHash_IsNotPartOfTheContent()
    {
        var entry = Sample();
        var before = ActivityHash.Compute(entry);

        entry.Hash = "tampered";

        ActivityHash.Compute(entry).ShouldBe(before);
    }

    [Theory]
    [InlineData("Sequence")]
    [InlineData("At")]
    [InlineData("UserId")]
    [InlineData("UserName")]
    [InlineData("EntityType")]
    [InlineData("EntityId")]
    [InlineData("Action")]
    [InlineData("Before")]
    [InlineData("After")]
    [InlineData("PreviousHash")]
    public void Compute_AnyFieldAltered_HashChanges(string field)
    {
        var original = ActivityHash.Compute(Sample());
        var altered = Sample();

        switch (field)
        {
            case "Sequence": altered.Sequence++; break;
            case "At": altered.At = altered.At.AddMicroseconds(1); break;
            case "UserId": altered.UserId = "u-2"; break;
            case "UserName": altered.UserName = "Mallory"; break;
            case "EntityType": altered.EntityType = "ScopeItem"; break;
            case "EntityId": altered.EntityId = "0197a3c2-0000-7000-8000-000000000002"; break;
            case "Action": altered.Action = ActivityActions.Deleted; break;
            case "Before": altered.Before = """{"Statement":"Older"}"""; break;
            case "After": altered.After = """{"Statement":"Newer"}"""; break;
            case "PreviousHash": altered.PreviousHash = ActivityHash.Genesis; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }

        ActivityHash.Compute(altered).ShouldNotBe(original);
    }

    [Fact]
    public void Compute_TimeBelowOneMicrosecond_IsNotCovered()
    {
        // Databases keep microseconds only; the recorder truncates before hashing (see ActivityRecorderTests).
        var entry = Sample();
        var original = ActivityHash.Compute(entry);

        entry.At = entry.At.AddTicks(9);

        ActivityHash.Compute(entry).ShouldBe(original);
    }

    [Fact]
    public void Genesis_IsSixtyFourZeros()
    {
        ActivityHash.Genesis.ShouldBe(new string('0', 64));
    }
}
