using OpenIsms.Core.Common;

namespace OpenIsms.UnitTests.Common;

public class ValidationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_BlankValue_AddsMessageForField(string? value)
    {
        var check = new Validation().Required("Name", value, "Enter the name.");

        check.IsValid.ShouldBeFalse();
        check.Errors.ShouldBe([new FieldError("Name", "Enter the name.")]);
    }

    [Fact]
    public void Required_TextPresent_IsValid()
    {
        new Validation().Required("Name", "Acme", "Enter the name.").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void MaxLength_OneCharacterOver_TellsLimitAndActualLength()
    {
        var check = new Validation().MaxLength("Name", new string('x', 11), 10, "The name");

        check.Errors.ShouldBe([new FieldError("Name", "The name must be 10 characters or fewer (it has 11).")]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789")]
    public void MaxLength_AtOrBelowLimitOrMissing_IsValid(string? value)
    {
        new Validation().MaxLength("Name", value, 10, "The name").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Must_ConditionFalse_AddsMessage()
    {
        new Validation().Must(false, "Justification", "Explain.").Errors.ShouldBe([new FieldError("Justification", "Explain.")]);
        new Validation().Must(true, "Justification", "Explain.").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void ToResult_SeveralProblems_ReportsEveryOneInOrder()
    {
        var result = new Validation()
            .Required("Title", "", "Enter a title.")
            .MaxLength("Category", "abcdef", 3, "The category")
            .Must(false, "Response", "Explain.")
            .ToResult();

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldBe(["Title", "Category", "Response"]);
    }

    [Fact]
    public void ToResult_NoProblems_Succeeds()
    {
        var result = new Validation().Required("Title", "Supplier outage", "Enter a title.").ToResult();

        result.Succeeded.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }
}
