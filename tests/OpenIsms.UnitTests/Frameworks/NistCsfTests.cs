using OpenIsms.Core.Frameworks;

namespace OpenIsms.UnitTests.Frameworks;

/// <summary>NIST CSF 2.0 comes from NIST's OSCAL catalog alone: the counts NIST publishes, its order, withdrawn entries and their successors.</summary>
public class NistCsfTests
{
    private static readonly CatalogueFile Csf = CatalogueFile.Embedded().Single(c => c.Id == "nist-csf-2.0");

    private static IEnumerable<CatalogueFile.Entry> Current(string @class) => Csf.Requirements.Where(r => r.Class == @class && !r.Withdrawn);

    private static CatalogueFile.Entry Get(string id) => Csf.Requirements.Single(r => r.Id == id);

    [Fact]
    public void Read_OscalCatalog_HasSixFunctions22CategoriesAnd106Subcategories()
    {
        Current("Function").Select(f => f.Id).ShouldBe(["GV", "ID", "PR", "DE", "RS", "RC"]);
        Current("Category").Count().ShouldBe(22);
        Current("Subcategory").Count().ShouldBe(106);
        Csf.Requirements.Count(r => r.Withdrawn).ShouldBe(12 + 79);
    }

    [Theory]
    [InlineData("GV", 6, 31)]
    [InlineData("ID", 3, 21)]
    [InlineData("PR", 5, 22)]
    [InlineData("DE", 2, 11)]
    [InlineData("RS", 4, 13)]
    [InlineData("RC", 2, 8)]
    public void Read_EachFunction_HoldsNistsPublishedCounts(string function, int categories, int subcategories)
    {
        var inFunction = Csf.Requirements.Where(r => !r.Withdrawn && r.Id.StartsWith(function + ".", StringComparison.Ordinal)).ToList();
        inFunction.Count(r => r.Class == "Category").ShouldBe(categories);
        inFunction.Count(r => r.Class == "Subcategory").ShouldBe(subcategories);
        inFunction.ShouldAllBe(r => r.Theme == Get(function).Title);
    }

    [Fact]
    public void Read_Order_FollowsSortIdWithParentsBeforeChildren()
    {
        var order = Csf.Requirements.Select(r => r.Id).ToList();
        order.Where(id => id.StartsWith("GV.", StringComparison.Ordinal) && !id.Contains('-', StringComparison.Ordinal)).Take(6)
            .ShouldBe(["GV.OC", "GV.RM", "GV.RR", "GV.PO", "GV.OV", "GV.SC"]);
        foreach (var entry in Csf.Requirements.Where(r => r.Parent is not null))
        {
            order.IndexOf(entry.Parent!).ShouldBeLessThan(order.IndexOf(entry.Id), entry.Id);
        }

        // Duplicated sort-ids (RC.CO and RC.IM) still keep each category's subcategories beneath it.
        order.IndexOf("RC.CO-01").ShouldBeLessThan(order.IndexOf("RC.IM"));
    }

    [Fact]
    public void Read_Subcategory_TakesItsOutcomeAsTitleWithExamplesAndRiskParty()
    {
        var entry = Get("GV.OC-01");

        (entry.Kind, entry.Class, entry.Parent).ShouldBe((RequirementKind.Control, "Subcategory", "GV.OC"));
        entry.Title.ShouldBe("The organizational mission is understood and informs cybersecurity risk management");
        entry.Statement.ShouldBe(entry.Title);
        entry.Examples.ShouldNotBeNull().ShouldNotBeEmpty();
        entry.Attributes.ShouldNotBeNull()["risk-party"].ShouldBe(["1st Party Risk"]);
        Csf.AttributeFamilies.Single(f => f.Key == "risk-party").Values.ShouldBe(["1st Party Risk", "3rd Party Risk"], ignoreOrder: true);
    }

    [Fact]
    public void Read_Group_TakesItsCodeFromTheIdWhenTheLabelIsAPhrase()
    {
        var govern = Get("GV");

        (govern.Kind, govern.Class, govern.Title, govern.Parent).ShouldBe((RequirementKind.Theme, "Function", "GOVERN", null));
        govern.Statement.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Read_WithdrawnSubcategory_PointsToWhatTookItOver()
    {
        var entry = Get("ID.AM-06");

        entry.Withdrawn.ShouldBeTrue();
        entry.SucceededBy.ShouldBe(["GV.RR-02", "GV.SC-02"]);
    }

    [Fact]
    public void Read_NotACatalog_IsRefusedWithTheReason()
    {
        using var json = new MemoryStream("""{"profile":{}}"""u8.ToArray());

        Should.Throw<InvalidDataException>(() => OscalCatalogReader.Read(json, new CatalogueFile { Id = "x" })).Message.ShouldContain("not an OSCAL catalog");
    }

    [Fact]
    public void Read_SmallCatalogWithoutSortIds_KeepsDocumentOrderAndLabels()
    {
        using var json = new MemoryStream("""
            {"catalog":{"uuid":"u","metadata":{"title":"T","version":"9"},"groups":[
              {"id":"ac","class":"family","title":"Access Control","controls":[
                {"id":"ac-2","class":"SP800-53","title":"Account Management","props":[{"name":"label","value":"AC-2"}],
                 "parts":[{"id":"ac-2_smt","name":"statement","parts":[{"id":"a","name":"item","prose":"Define accounts."}]},
                          {"id":"ac-2_gdn","name":"guidance","prose":"Why accounts matter."}],
                 "controls":[{"id":"ac-2.1","title":"Automated Management","props":[{"name":"label","value":"AC-2(1)"}]}]},
                {"id":"ac-1","title":"Policy and Procedures","props":[{"name":"label","value":"AC-1"}]}]}]}}
            """u8.ToArray());
        var file = new CatalogueFile { Id = "sp800-53" };

        OscalCatalogReader.Read(json, file);

        file.Edition.ShouldBe("9");
        file.Requirements.Select(r => r.Id).ShouldBe(["ac", "AC-2", "AC-2(1)", "AC-1"]);
        var ac2 = file.Requirements[1];
        (ac2.Statement, ac2.Guidance, ac2.Theme, ac2.Parent).ShouldBe(("Define accounts.", "Why accounts matter.", "Access Control", "ac"));
        file.Requirements[2].Parent.ShouldBe("AC-2");
    }
}
