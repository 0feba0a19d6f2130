using OpenIsms.Core.Common;

namespace OpenIsms.UnitTests.Common;

public class ResultTests
{
    [Fact]
    public void Fail_Message_IsFormLevelValidationError()
    {
        var result = Result.Fail("Version 2 is already approved.");

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe([new FieldError("", "Version 2 is already approved.")]);
    }

    [Fact]
    public void Stale_Conflict_CarriesWhoChangedTheRecord()
    {
        var conflict = new ConflictInfo("Alice", new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc), 4);

        var result = Result.Stale(conflict);

        result.Kind.ShouldBe(ResultKind.Conflict);
        result.Succeeded.ShouldBeFalse();
        result.Conflict.ShouldBe(conflict);
    }

    [Theory]
    [InlineData(ResultKind.NotFound)]
    [InlineData(ResultKind.Forbidden)]
    public void Failure_NotFoundOrForbidden_DoesNotSucceed(ResultKind kind)
    {
        var result = kind == ResultKind.NotFound ? Result.NotFound() : Result.Forbidden();

        result.Kind.ShouldBe(kind);
        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void TypedResult_FromValue_SucceedsWithValue()
    {
        Result<int> result = 7;

        result.Succeeded.ShouldBeTrue();
        result.Value.ShouldBe(7);
    }

    [Fact]
    public void TypedResult_FromFailure_KeepsKindErrorsAndConflict()
    {
        var invalid = Result<string>.From(Result.Invalid(new FieldError("Name", "Enter the name.")));
        var stale = Result<string>.From(Result.Stale(new ConflictInfo("Bob", DateTime.UnixEpoch, 3)));

        invalid.Kind.ShouldBe(ResultKind.Invalid);
        invalid.Value.ShouldBeNull();
        invalid.Errors.ShouldBe([new FieldError("Name", "Enter the name.")]);
        stale.Kind.ShouldBe(ResultKind.Conflict);
        stale.Conflict!.ChangedBy.ShouldBe("Bob");
    }
}
