using OpenIsms.Core.People;

namespace OpenIsms.UnitTests.People;

/// <summary>The staff list's rules: a name, an address that is an address, dates in order, nobody their own manager.</summary>
public class PersonTests
{
    private static SavePerson.Command Ann(Action<SavePerson.Command>? change = null)
    {
        var c = new SavePerson.Command { Name = "Ann Example", Email = "Ann@Example.org", StartDate = new(2024, 3, 1) };
        change?.Invoke(c);
        return c;
    }

    [Fact]
    public void APerson_IsKept_WithTheirAddressInLowerCase()
    {
        var person = new Person();
        person.Update(Ann()).Succeeded.ShouldBeTrue();
        person.Email.ShouldBe("ann@example.org");
    }

    [Theory]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("ann at example.org")]
    public void AnAddressThatIsNotOne_IsRefusedBesideTheField(string email) =>
        new Person().Update(Ann(c => c.Email = email)).Errors.Single().Field.ShouldBe("Email");

    [Fact]
    public void LeavingBeforeStarting_IsRefused() =>
        new Person().Update(Ann(c => c.LeavingDate = new(2024, 2, 1))).Errors.Single().Field.ShouldBe("LeavingDate");

    [Fact]
    public void NobodyIsTheirOwnManager()
    {
        var person = new Person();
        person.Update(Ann()).Succeeded.ShouldBeTrue();
        person.ReportTo(person.Id).Succeeded.ShouldBeFalse();
        person.Update(Ann(c => c.ManagerId = person.Id)).Errors.Single().Field.ShouldBe("ManagerId");
    }

    [Fact]
    public void SomeoneHasLeft_OnlyAfterTheirLastDay()
    {
        var person = new Person();
        person.Update(Ann(c => c.LeavingDate = new(2026, 6, 30))).Succeeded.ShouldBeTrue();
        person.HasLeft(new(2026, 6, 30)).ShouldBeFalse();
        person.HasLeft(new(2026, 7, 1)).ShouldBeTrue();
    }

    [Fact]
    public void TheFilter_RoundTripsThroughItsAddress()
    {
        var filter = new PersonFilter { Search = "ann", Department = "Sales", Staff = Employment.Left, Page = 2 };
        var query = filter.ToQueryString();
        var values = System.Web.HttpUtility.ParseQueryString(query);
        PersonFilter.Parse(k => values[k]).ShouldBe(filter);
        new PersonFilter().ToQueryString().ShouldBe("");
    }
}
