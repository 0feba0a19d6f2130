using OpenIsms.Core.Common;

namespace OpenIsms.UnitTests.Common;

public class TextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void OrNull_BlankText_IsNotStored(string? value)
    {
        Text.OrNull(value).ShouldBeNull();
    }

    [Fact]
    public void OrNull_TextWithSurroundingSpace_IsTrimmed()
    {
        Text.OrNull("  kept inside  ").ShouldBe("kept inside");
    }
}
