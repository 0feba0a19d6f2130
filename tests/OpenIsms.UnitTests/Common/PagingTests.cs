using OpenIsms.Core.Common;

namespace OpenIsms.UnitTests.Common;

public class PagingTests
{
    [Theory]
    [InlineData(0, 25, 1)]
    [InlineData(1, 25, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(26, 25, 2)]
    [InlineData(100, 50, 2)]
    [InlineData(101, 50, 3)]
    public void PageCount_TotalAndSize_RoundsUpAndIsNeverZero(int total, int size, int expected)
    {
        new Page<string>([], 1, size, total).PageCount.ShouldBe(expected);
    }

    [Fact]
    public void Navigation_MiddlePage_HasPreviousAndNext()
    {
        var page = new Page<string>([], 2, 25, 60);

        page.HasPrevious.ShouldBeTrue();
        page.HasNext.ShouldBeTrue();
    }

    [Fact]
    public void Navigation_FirstAndLastPage_OfferOnlyTheWayThatExists()
    {
        var first = new Page<string>([], 1, 25, 60);
        var last = new Page<string>([], 3, 25, 60);

        first.HasPrevious.ShouldBeFalse();
        first.HasNext.ShouldBeTrue();
        last.HasPrevious.ShouldBeTrue();
        last.HasNext.ShouldBeFalse();
    }

    [Fact]
    public void Navigation_EmptyRegister_HasNeitherPreviousNorNext()
    {
        var page = new Page<string>([], 1, 25, 0);

        page.HasPrevious.ShouldBeFalse();
        page.HasNext.ShouldBeFalse();
    }

    [Theory]
    [InlineData(25, 25)]
    [InlineData(50, 50)]
    [InlineData(100, 100)]
    [InlineData(0, 25)]
    [InlineData(-1, 25)]
    [InlineData(10, 25)]
    [InlineData(1000000, 25)]
    public void NormaliseSize_RequestedSize_OnlyAllowedSizesPass(int requested, int expected)
    {
        PageSizes.Normalise(requested).ShouldBe(expected);
    }

    [Theory]
    [InlineData(-3, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 7)]
    public void NormalisePage_RequestedPage_StartsAtOne(int requested, int expected)
    {
        PageSizes.NormalisePage(requested).ShouldBe(expected);
    }
}
