using OpenIsms.Core.Data;

namespace OpenIsms.UnitTests.Data;

public class FullTextTests
{
    [Theory]
    [InlineData("Ransomware server", new[] { "ransomware", "server" })]
    [InlineData("  R-001  ", new[] { "r", "001" })]
    [InlineData("\"NEAR(a b)\" OR x:* & !y", new[] { "near", "a", "b", "or", "x", "y" })]
    [InlineData("Überschwemmung café", new[] { "überschwemmung", "café" })]
    [InlineData("%-*", new string[0])]
    [InlineData("a a A", new[] { "a" })]
    public void Words_KeepLettersAndDigitsOnly_LowerCased(string typed, string[] words)
    {
        FullText.Words(typed).ShouldBe(words);
    }

    [Fact]
    public void Queries_EveryWordIsAQuotedPrefixAndAllAreRequired()
    {
        var words = FullText.Words("ransom back");

        FullText.Fts5(words).ShouldBe("\"ransom\"* \"back\"*");
        FullText.TsQuery(words).ShouldBe("ransom:* & back:*");
    }

    [Fact]
    public void Words_ALongQuery_IsCutToSixteenWords()
    {
        FullText.Words(string.Join(' ', Enumerable.Range(1, 40).Select(i => "w" + i))).Count.ShouldBe(16);
    }
}
