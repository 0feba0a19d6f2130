using OpenIsms.Core.Frameworks;

namespace OpenIsms.UnitTests.Frameworks;

public class RequirementTests
{
    [Fact]
    public void Apply_CatalogueEntry_CopiesValuesForTheRegister()
    {
        var requirement = new Requirement("iso27001-2022", "A.8.28");
        var entry = new CatalogueFile.Entry
        {
            Id = "A.8.28",
            Parent = "A.8",
            Kind = RequirementKind.Control,
            Title = " Secure coding ",
            Theme = "Technological",
            Attributes = new() { ["controlType"] = ["Preventive"], ["concepts"] = ["Protect"] },
            Guidance = "  Review code.  ",
            Evidence = ["Code review records", "Static analysis reports"],
        };

        requirement.Apply(entry, 30);

        requirement.Code.ShouldBe("A.8.28");
        requirement.ParentCode.ShouldBe("A.8");
        requirement.SortOrder.ShouldBe(30);
        requirement.Title.ShouldBe("Secure coding");
        requirement.Class.ShouldBe("Control");
        requirement.Withdrawn.ShouldBeFalse();
        requirement.Guidance.ShouldBe("Review code.");
        requirement.Evidence.ShouldBe("Code review records\nStatic analysis reports");
        requirement.DocumentedInformation.ShouldBeNull();
    }
}
