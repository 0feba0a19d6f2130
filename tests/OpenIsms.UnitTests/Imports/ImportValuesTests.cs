using OpenIsms.Core.Imports;

namespace OpenIsms.UnitTests.Imports;

/// <summary>Values are read only when their meaning is certain; dates only in an order the column shows or the person gives.</summary>
public class ImportValuesTests
{
    [Theory]
    [InlineData("Fully implemented", "Implemented")]
    [InlineData("To be implemented", "Planned")]
    [InlineData("Umgesetzt", "Implemented")]
    [InlineData("teilweise umgesetzt", "Planned")]
    [InlineData("Partiellement mis en œuvre", "Planned")]
    [InlineData("No implementado", "NotStarted")]
    [InlineData("Geïmplementeerd", "Implemented")]
    [InlineData("geimplementeerd", "Implemented")]
    public void StatusWords_InSixLanguages_AreKnown(string text, string value) =>
        Vocabularies.ControlStatus.Known(text).ShouldBe(value);

    [Fact]
    public void NA_AsAStatus_MeansNone() => Vocabularies.ControlStatus.Known("N/A").ShouldBe(ImportVocabulary.Empty);

    [Theory]
    [InlineData("Yes")]
    [InlineData("Done-ish")]
    public void AnythingElse_IsUnknown_NeverADefault(string text) => Vocabularies.ControlStatus.Known(text).ShouldBeNull();

    [Theory]
    [InlineData("Ja", "yes")]
    [InlineData("Nein", "no")]
    [InlineData("Oui", "yes")]
    [InlineData("Sí", "yes")]
    [InlineData("Nee", "no")]
    [InlineData("N/A", "no")]
    [InlineData("nicht anwendbar", "no")]
    public void Applicability_InSixLanguages(string text, string value) => Vocabularies.Applicable.Known(text).ShouldBe(value);

    [Theory]
    [InlineData("Mindern", "Mitigate")]
    [InlineData("Akzeptieren", "Accept")]
    [InlineData("Übertragen", "Transfer")]
    [InlineData("Vermeiden", "Avoid")]
    [InlineData("Éviter", "Avoid")]
    public void TreatmentWords(string text, string value) => Vocabularies.Treatment.Known(text).ShouldBe(value);

    [Fact]
    public void AnUnknownValue_GetsASuggestion_ForTheMessageOnly()
    {
        Vocabularies.Treatment.Known("Accept with monitoring").ShouldBeNull();
        Vocabularies.Treatment.Suggest("Accept with monitoring")!.Value.ShouldBe("Accept");
    }

    [Fact]
    public void Classification_MatchesTheOrganisationsLevels_InOtherLanguages()
    {
        var vocabulary = Vocabularies.Classification(["Public", "Internal", "Confidential"]);

        vocabulary.Known("Vertraulich").ShouldBe("Confidential");
        vocabulary.Known("Streng vertraulich").ShouldBeNull("the scheme has no restricted level");
    }

    [Theory]
    [InlineData(new[] { "31/12/2026", "01/02/2026" }, DateOrder.DayFirst)]
    [InlineData(new[] { "12/31/2026", "01/02/2026" }, DateOrder.MonthFirst)]
    [InlineData(new[] { "03/04/2026", "01/02/2026" }, DateOrder.Ambiguous)]
    [InlineData(new[] { "31/12/2026", "12/31/2026" }, DateOrder.Mixed)]
    [InlineData(new[] { "1.7.2026", "2.7.2026" }, DateOrder.DayFirst)]
    [InlineData(new[] { "2026-07-01", "1 July 2026" }, DateOrder.NotNeeded)]
    public void TheDateOrder_IsFoundFromTheWholeColumn(string[] values, DateOrder order) => ImportDates.Detect(values).ShouldBe(order);

    [Fact]
    public void Dates_AreReadInTheGivenOrder_OrNotAtAll()
    {
        ImportDates.Read("1.7.2026", dayFirst: true).ShouldBe(new DateOnly(2026, 7, 1));
        ImportDates.Read("03/04/2026", dayFirst: false).ShouldBe(new DateOnly(2026, 3, 4));
        ImportDates.Read("03/04/2026", dayFirst: null).ShouldBeNull("without an order, an ambiguous date is not read");
        ImportDates.Read("2026-07-01", dayFirst: null).ShouldBe(new DateOnly(2026, 7, 1));
        ImportDates.Read("13/13/2026", dayFirst: true).ShouldBeNull();
        ImportDates.Read("1 July 2026", dayFirst: null).ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void AColumnsValues_ResolveByThePersonsChoice_ThenByKnownWords()
    {
        var table = new Table(["Status", "Due"], [new(2, ["Umgesetzt", "03/04/2026"]), new(3, ["Erledigt?", "05/06/2026"]), new(4, ["Umgesetzt", ""])]);
        var fields = new[] { new ImportField("Status", "Status", false), new ImportField("Due", "Due", false) { IsDate = true } };
        var vocabularies = new Dictionary<string, ImportVocabulary> { ["Status"] = Vocabularies.ControlStatus };
        var mapping = new ImportMapping
        {
            Columns = new Dictionary<string, int> { ["Status"] = 0, ["Due"] = 1 },
            Values = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Status"] = new Dictionary<string, string> { ["erledigt?"] = "Operating" } },
        };

        var distinct = ImportValues.Distinct(table, mapping, vocabularies);
        distinct.Select(d => (d.Text, d.Rows, d.Mapped, d.Chosen)).ShouldBe([("Umgesetzt", 2, "Implemented", false), ("Erledigt?", 1, "Operating", true)]);

        var values = new ImportValues(table, fields, mapping, vocabularies);
        values.DateColumns.Single().DayFirst.ShouldBeNull("03/04 and 05/06 could be either");
        values.Date("Due", "03/04/2026", out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("day first or month first");

        var decided = new ImportValues(table, fields, mapping with { DayFirst = new Dictionary<string, bool> { ["Due"] = true } }, vocabularies);
        decided.Date("Due", "03/04/2026", out _).ShouldBe(new DateOnly(2026, 4, 3));
    }
}

/// <summary>Owners are found by name, e-mail or "Name &lt;e-mail&gt;"; a name two people share is never given to one of them.</summary>
public class UserLookupTests
{
    private static readonly UserLookup People = new(
    [
        ("u1", "Ada Lovelace", "ada@example.org"),
        ("u2", "Ada Lovelace", "ada.l@example.org"),
        ("u3", "Alan Turing", "alan@example.org"),
        ("u4", "Grace Hopper", "grace@example.org"),
    ], ["u1", "u2", "u3"]);

    [Theory]
    [InlineData("Alan Turing", "u3")]
    [InlineData("alan@example.org", "u3")]
    [InlineData("Ada Lovelace <ada.l@example.org>", "u2")]
    [InlineData("  Ada Lovelace < ada@example.org > ", "u1")]
    public void APersonIsFound_ByNameEmailOrMailbox(string text, string id) => People.Find(text).ShouldBe(id);

    [Fact]
    public void ASharedName_FindsNobody_AndSaysHowManyShareIt()
    {
        People.Find("Ada Lovelace").ShouldBeNull();
        People.Unknown("Ada Lovelace", "own risks").ShouldContain("is the name of 2 users");
        People.Names["u2"].ShouldBe("Ada Lovelace <ada.l@example.org>", "the value step tells the two apart");
        People.Names["u3"].ShouldBe("Alan Turing");
    }

    [Fact]
    public void AMailboxWhoseNameAndEmailAreTwoPeople_FindsNobody_AndSaysWhy()
    {
        People.Find("Alan Turing <ada@example.org>").ShouldBeNull();
        People.Unknown("Alan Turing <ada@example.org>", "own risks").ShouldContain("ada@example.org is the e-mail of Ada Lovelace, not of Alan Turing");
        People.Find("<alan@example.org>").ShouldBe("u3");
    }

    [Fact]
    public void SomeoneWhoseRoleCannotOwn_IsToldSo() =>
        People.Unknown("Grace Hopper", "own risks").ShouldContain("role does not allow them to own risks");
}
