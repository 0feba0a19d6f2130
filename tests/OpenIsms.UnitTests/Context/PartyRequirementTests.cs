using OpenIsms.Core.Common;
using OpenIsms.Core.Context;

namespace OpenIsms.UnitTests.Context;

public class PartyRequirementTests
{
    private static readonly Guid Party = Guid.NewGuid();

    [Fact]
    public void Update_AddressedWithoutTreatment_IsAccepted()
    {
        var requirement = new PartyRequirement(Party);

        requirement.Update("  Report breaches within 72 hours ", RequirementSource.Legal, true, "  ").Succeeded.ShouldBeTrue();

        requirement.PartyId.ShouldBe(Party);
        requirement.Description.ShouldBe("Report breaches within 72 hours");
        requirement.Source.ShouldBe(RequirementSource.Legal);
        requirement.AddressedByIsms.ShouldBeTrue();
        requirement.Treatment.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Update_NotAddressedWithoutExplanation_IsRejected(string? treatment)
    {
        var requirement = new PartyRequirement(Party);

        var result = requirement.Update("Annual penetration test", RequirementSource.Contractual, false, treatment);

        result.Errors.ShouldBe([new FieldError(nameof(PartyRequirement.Treatment), "Explain why the ISMS does not address this requirement.")]);
        requirement.Description.ShouldBe("");
    }

    [Fact]
    public void Update_NotAddressedWithExplanation_IsAccepted()
    {
        var requirement = new PartyRequirement(Party);

        requirement.Update("Annual penetration test", RequirementSource.Contractual, false, " Handled by the parent company. ")
            .Succeeded.ShouldBeTrue();

        requirement.AddressedByIsms.ShouldBeFalse();
        requirement.Treatment.ShouldBe("Handled by the parent company.");
    }

    [Fact]
    public void Update_SwitchingToNotAddressedWithoutExplanation_KeepsPreviousState()
    {
        var requirement = new PartyRequirement(Party);
        requirement.Update("Annual penetration test", RequirementSource.Contractual, true, null).Succeeded.ShouldBeTrue();

        requirement.Update("Annual penetration test", RequirementSource.Other, false, null).Succeeded.ShouldBeFalse();

        requirement.AddressedByIsms.ShouldBeTrue();
        requirement.Source.ShouldBe(RequirementSource.Contractual);
    }

    [Fact]
    public void Update_BlankDescription_IsRejected()
    {
        new PartyRequirement(Party).Update(" ", RequirementSource.Legal, true, null)
            .Errors.ShouldBe([new FieldError(nameof(PartyRequirement.Description), "Describe the requirement.")]);
    }

    [Fact]
    public void Update_DescriptionOver2000Characters_IsRejected()
    {
        new PartyRequirement(Party).Update(new string('d', 2001), RequirementSource.Legal, true, null)
            .Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(PartyRequirement.Description));
        new PartyRequirement(Party).Update(new string('d', 2000), RequirementSource.Legal, true, null)
            .Succeeded.ShouldBeTrue();
    }
}
