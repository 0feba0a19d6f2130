using OpenIsms.Core.Imports;

namespace OpenIsms.UnitTests.Imports;

public class HeaderGuessTests
{
    [Fact]
    public void AOneLetterAlias_MatchesOnlyExactly_NeverAsAPrefixOfALongerHeader()
    {
        var guess = ImportText.Guess(["ID", "Asset Name", "Approval date", "Comment", "Impact"], ImportAssets.Fields);

        guess["Reference"].ShouldBe(0);
        guess["Name"].ShouldBe(1);
        guess.ShouldNotContainKey("Availability");
        guess.ShouldNotContainKey("Confidentiality");
        guess.ShouldNotContainKey("Integrity");
    }

    [Fact]
    public void TheOneLetterColumnsOfACiaTable_AreStillFound()
    {
        var guess = ImportText.Guess(["Name", "C", "I", "A"], ImportAssets.Fields);

        (guess["Confidentiality"], guess["Integrity"], guess["Availability"]).ShouldBe((1, 2, 3));
    }
}
