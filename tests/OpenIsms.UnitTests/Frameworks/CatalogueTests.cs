using OpenIsms.Core.Frameworks;

namespace OpenIsms.UnitTests.Frameworks;

public class CatalogueTests
{
    private static readonly CatalogueFile Iso = CatalogueFile.Embedded().Single(c => c.Id == "iso27001-2022");

    private static IEnumerable<CatalogueFile.Entry> Of(RequirementKind kind) => Iso.Requirements.Where(r => r.Kind == kind);

    private static CatalogueFile.Entry Get(string id) => Iso.Requirements.Single(r => r.Id == id);

    private static List<string> A(CatalogueFile.Entry entry, string family) => entry.Attributes?.GetValueOrDefault(family) ?? [];

    [Fact]
    public void Embedded_Iso27001_IsShippedWithNameAndDataVersion()
    {
        Iso.Name.ShouldBe("ISO/IEC 27001:2022");
        Iso.DataVersion.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Controls_AnnexA_Has93()
    {
        Of(RequirementKind.Control).Count().ShouldBe(93);
    }

    [Fact]
    public void Clauses_Clauses4To10_Has41WithTopLevelClausesInOrder()
    {
        Of(RequirementKind.Clause).Count().ShouldBe(41);
        Of(RequirementKind.Clause).Where(c => c.Parent is null).Select(c => c.Id).ShouldBe(["4", "5", "6", "7", "8", "9", "10"]);
    }

    [Theory]
    [InlineData("A.5", "Organizational", 37)]
    [InlineData("A.6", "People", 8)]
    [InlineData("A.7", "Physical", 14)]
    [InlineData("A.8", "Technological", 34)]
    public void Themes_EachTheme_HoldsItsControlsNumberedWithoutGaps(string themeId, string theme, int count)
    {
        Get(themeId).Kind.ShouldBe(RequirementKind.Theme);
        var controls = Of(RequirementKind.Control).Where(c => c.Parent == themeId).ToList();

        controls.Count.ShouldBe(count);
        controls.Select(c => c.Id).ShouldBe(Enumerable.Range(1, count).Select(n => $"{themeId}.{n}"));
        controls.ShouldAllBe(c => c.Theme == theme);
    }

    [Fact]
    public void Themes_AnnexA_HasExactlyFour()
    {
        Of(RequirementKind.Theme).Select(t => t.Id).ShouldBe(["A.5", "A.6", "A.7", "A.8"]);
    }

    [Fact]
    public void Ids_AllRequirements_AreUnique()
    {
        Iso.Requirements.Select(r => r.Id).ShouldBeUnique();
    }

    [Fact]
    public void Parents_EveryChild_PointsToAnEarlierEntry()
    {
        var seen = new HashSet<string>();
        foreach (var entry in Iso.Requirements)
        {
            if (entry.Parent is not null)
            {
                seen.ShouldContain(entry.Parent, $"{entry.Id} names parent {entry.Parent}, which is not listed before it");
            }

            seen.Add(entry.Id);
        }
    }

    [Fact]
    public void Guidance_EveryRequirement_HasGuidance()
    {
        Iso.Requirements.Where(r => string.IsNullOrWhiteSpace(r.Guidance)).Select(r => r.Id).ShouldBeEmpty();
    }

    [Fact]
    public void Evidence_EveryControl_ListsTypicalEvidence()
    {
        Of(RequirementKind.Control).Where(c => c.Evidence is not { Count: > 0 } || c.Evidence.Any(string.IsNullOrWhiteSpace))
            .Select(c => c.Id).ShouldBeEmpty();
    }

    [Fact]
    public void Attributes_EveryControl_HasAllFiveAttributeTags()
    {
        Of(RequirementKind.Control).Where(c =>
                A(c, "controlType").Count == 0 || A(c, "properties").Count == 0 || A(c, "concepts").Count == 0
                || A(c, "capabilities").Count == 0 || A(c, "domains").Count == 0)
            .Select(c => c.Id).ShouldBeEmpty();
    }

    [Fact]
    public void Control_A51_MatchesTheStandard()
    {
        var control = Get("A.5.1");

        control.Title.ShouldBe("Policies for information security");
        control.Parent.ShouldBe("A.5");
        control.Theme.ShouldBe("Organizational");
        A(control, "controlType").ShouldBe(["Preventive"]);
        A(control, "properties").ShouldBe(["Confidentiality", "Integrity", "Availability"]);
        A(control, "concepts").ShouldBe(["Identify"]);
        A(control, "capabilities").ShouldBe(["Governance"]);
        A(control, "domains").ShouldBe(["Governance_and_Ecosystem", "Resilience"]);
    }

    [Fact]
    public void Control_A834_MatchesTheStandard()
    {
        var control = Get("A.8.34");

        control.Title.ShouldBe("Protection of information systems during audit testing");
        control.Theme.ShouldBe("Technological");
        A(control, "controlType").ShouldBe(["Preventive"]);
        A(control, "concepts").ShouldBe(["Protect"]);
        A(control, "capabilities").ShouldBe(["Information_protection", "System_and_network_security"]);
        A(control, "domains").ShouldBe(["Governance_and_Ecosystem", "Protection"]);
    }

    [Theory]
    [InlineData("A.5.7", "Threat intelligence", "Preventive;Detective;Corrective", "Identify;Detect;Respond")]
    [InlineData("A.5.23", "Information security for use of cloud services", "Preventive", "Protect")]
    [InlineData("A.6.8", "Information security event reporting", "Detective", "Detect")]
    [InlineData("A.7.4", "Physical security monitoring", "Preventive;Detective", "Protect;Detect")]
    [InlineData("A.7.14", "Secure disposal or re-use of equipment", "Preventive", "Protect")]
    [InlineData("A.8.12", "Data leakage prevention", "Preventive;Detective", "Protect;Detect")]
    [InlineData("A.8.16", "Monitoring activities", "Detective;Corrective", "Detect;Respond")]
    [InlineData("A.8.28", "Secure coding", "Preventive", "Protect")]
    public void Control_SpotCheck_TitleTypeAndConceptsMatchTheStandard(string id, string title, string types, string concepts)
    {
        var control = Get(id);

        control.Title.ShouldBe(title);
        A(control, "controlType").ShouldBe(types.Split(';'));
        A(control, "concepts").ShouldBe(concepts.Split(';'));
    }

    [Fact]
    public void Clause_ScopeClause_SaysDocumentedInformationIsMandatory()
    {
        var clause = Get("4.3");

        clause.Title.ShouldBe("Determining the scope of the information security management system");
        clause.DocumentedInformation.ShouldNotBeNull().ShouldStartWith("Mandatory");
    }

    [Fact]
    public void Parse_DuplicateId_IsRefused()
    {
        const string yaml = """
            id: test
            name: Test
            dataVersion: 1
            requirements:
              - id: "A.1"
                kind: Control
                title: One
              - id: "A.1"
                kind: Control
                title: Again
            """;

        var error = Should.Throw<InvalidDataException>(() => CatalogueFile.Parse(new StringReader(yaml)));

        error.Message.ShouldContain("A.1");
    }

    [Fact]
    public void Parse_SmallFile_ReadsEntriesAndAttributes()
    {
        const string yaml = """
            id: test
            name: Test framework
            dataVersion: 3
            attributeFamilies:
              - key: controlType
                name: Control type
                values: [Preventive, Detective]
            requirements:
              - id: "1"
                kind: Clause
                title: Scope
              - id: "T.1"
                parent: "1"
                kind: Control
                title: Something
                theme: People
                attributes:
                  controlType: [Preventive, Detective]
                evidence:
                  - A record
            """;

        var file = CatalogueFile.Parse(new StringReader(yaml));

        (file.Id, file.Name, file.DataVersion).ShouldBe(("test", "Test framework", 3));
        file.Requirements.Count.ShouldBe(2);
        var control = file.Requirements[1];
        (control.Parent, control.Kind, control.Theme).ShouldBe(("1", RequirementKind.Control, "People"));
        A(control, "controlType").ShouldBe(["Preventive", "Detective"]);
        control.Evidence.ShouldBe(["A record"]);
    }

    [Fact]
    public void Parse_AttributeOfAnUndeclaredFamily_IsRefused()
    {
        const string yaml = """
            id: test
            name: Test
            requirements:
              - id: "A.1"
                kind: Control
                title: One
                attributes:
                  colour: [Blue]
            """;

        Should.Throw<InvalidDataException>(() => CatalogueFile.Parse(new StringReader(yaml))).Message.ShouldContain("colour");
    }

    [Fact]
    public void Parse_ValueTheFamilyDoesNotList_IsRefused()
    {
        const string yaml = """
            id: test
            name: Test
            attributeFamilies:
              - key: controlType
                name: Control type
                values: [Preventive]
            requirements:
              - id: "A.1"
                kind: Control
                title: One
                attributes:
                  controlType: [Preventative]
            """;

        Should.Throw<InvalidDataException>(() => CatalogueFile.Parse(new StringReader(yaml))).Message.ShouldContain("Preventative");
    }

    [Fact]
    public void Iso_AttributeFamilies_AreDeclaredInTheDataWithTheirValues()
    {
        Iso.AttributeFamilies.Select(f => f.Name).ShouldBe(["Control type", "Security properties", "Cybersecurity concepts", "Operational capabilities", "Security domains"]);
        Iso.AttributeFamilies.Single(f => f.Key == "concepts").Values.ShouldBe(["Identify", "Protect", "Detect", "Respond", "Recover"]);
        Iso.Soa.ShouldBeTrue();
    }
}
