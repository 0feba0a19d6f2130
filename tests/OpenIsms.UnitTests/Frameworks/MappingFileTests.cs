using OpenIsms.Core.Frameworks;

namespace OpenIsms.UnitTests.Frameworks;

public class MappingFileTests
{
    [Fact]
    public void Embedded_EveryLine_NamesRequirementsBothCataloguesHave()
    {
        var catalogues = CatalogueFile.Embedded().ToDictionary(c => c.Id, c => c.Requirements.Select(r => r.Id).ToHashSet());
        var sets = MappingFile.Embedded().ToList();

        sets.ShouldNotBeEmpty();
        foreach (var set in sets)
        {
            set.Mappings.ShouldNotBeEmpty();
            set.Mappings.Where(m => !catalogues[set.Source].Contains(m.Source) || !catalogues[set.Target].Contains(m.Target))
                .Select(m => $"{m.Source} → {m.Target}").ShouldBeEmpty();
            set.Mappings.ShouldAllBe(m => !string.IsNullOrWhiteSpace(m.Rationale));
        }
    }

    [Fact]
    public void Parse_UnknownRelationship_IsRefused()
    {
        const string yaml = """
            id: t
            name: T
            source: a
            target: b
            mappings:
              - source: X
                target: Y
                relationship: similar-to
            """;

        Should.Throw<InvalidDataException>(() => MappingFile.Parse(new StringReader(yaml))).Message.ShouldContain("similar-to");
    }

    [Theory]
    [InlineData("equivalent-to", MappingRelationship.EquivalentTo)]
    [InlineData("equal-to", MappingRelationship.EqualTo)]
    [InlineData("subset-of", MappingRelationship.SubsetOf)]
    [InlineData("superset-of", MappingRelationship.SupersetOf)]
    [InlineData("intersects-with", MappingRelationship.IntersectsWith)]
    [InlineData("no-relationship", MappingRelationship.NoRelationship)]
    public void Relationship_OscalTokens_RoundTrip(string token, MappingRelationship relationship)
    {
        RequirementMapping.Parse(token).ShouldBe(relationship);
        RequirementMapping.Token(relationship).ShouldBe(token);
    }

    [Fact]
    public void Inverse_SubsetAndSuperset_SwapAndTheRestStay()
    {
        RequirementMapping.Inverse(MappingRelationship.SubsetOf).ShouldBe(MappingRelationship.SupersetOf);
        RequirementMapping.Inverse(MappingRelationship.SupersetOf).ShouldBe(MappingRelationship.SubsetOf);
        RequirementMapping.Inverse(MappingRelationship.IntersectsWith).ShouldBe(MappingRelationship.IntersectsWith);
    }
}
