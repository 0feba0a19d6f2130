using OpenIsms.Core.Common;
using OpenIsms.Core.Context;

namespace OpenIsms.UnitTests.Context;

public class InterestedPartyTests
{
    [Fact]
    public void Update_ValidParty_StoresTrimmedValues()
    {
        var party = new InterestedParty();

        party.Update("  Customers ", PartyOrigin.External, "  ").Succeeded.ShouldBeTrue();

        party.Name.ShouldBe("Customers");
        party.Origin.ShouldBe(PartyOrigin.External);
        party.Description.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Update_BlankName_IsRejectedAndPartyUnchanged(string name)
    {
        var party = new InterestedParty();
        party.Update("Staff", PartyOrigin.Internal, "Everyone employed.").Succeeded.ShouldBeTrue();

        var result = party.Update(name, PartyOrigin.External, "Changed");

        result.Errors.ShouldBe([new FieldError(nameof(InterestedParty.Name), "Enter the name of the interested party.")]);
        party.Name.ShouldBe("Staff");
        party.Origin.ShouldBe(PartyOrigin.Internal);
        party.Description.ShouldBe("Everyone employed.");
    }

    [Fact]
    public void Update_NameOverLimit_IsRejected()
    {
        new InterestedParty().Update(new string('p', Limits.Name + 1), PartyOrigin.External, null)
            .Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(InterestedParty.Name));
    }
}
