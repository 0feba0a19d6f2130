using OpenIsms.Core.Common;
using OpenIsms.Core.Scope;

namespace OpenIsms.UnitTests.Scope;

public class ScopeInterfaceTests
{
    private static readonly Guid Revision = Guid.NewGuid();

    [Fact]
    public void Create_Dependency_StoresTrimmedValues()
    {
        var result = ScopeInterface.Create(Revision, InterfaceKind.Dependency, " Cloud hosting ", " AWS ", "  ");

        result.Succeeded.ShouldBeTrue();
        var dependency = result.Value!;
        dependency.RevisionId.ShouldBe(Revision);
        dependency.Kind.ShouldBe(InterfaceKind.Dependency);
        dependency.Name.ShouldBe("Cloud hosting");
        dependency.Counterparty.ShouldBe("AWS");
        dependency.Description.ShouldBeNull();
    }

    [Fact]
    public void Create_BlankName_IsRejected()
    {
        var result = ScopeInterface.Create(Revision, InterfaceKind.Interface, " ", "Payroll provider", null);

        result.Value.ShouldBeNull();
        result.Errors.ShouldBe([new FieldError(nameof(ScopeInterface.Name), "Enter the name of the interface or dependency.")]);
    }

    [Fact]
    public void Create_CounterpartyOverLimit_IsRejected()
    {
        var result = ScopeInterface.Create(Revision, InterfaceKind.Interface, "Payroll", new string('c', Limits.Name + 1), null);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ScopeInterface.Counterparty));
    }

    [Fact]
    public void Update_Invalid_LeavesInterfaceUnchanged()
    {
        var link = ScopeInterface.Create(Revision, InterfaceKind.Interface, "Payroll", "Payroll Ltd", null).Value!;

        link.Update(InterfaceKind.Dependency, "", "Other Ltd", "x").Succeeded.ShouldBeFalse();

        (link.Kind, link.Name, link.Counterparty, link.Description).ShouldBe((InterfaceKind.Interface, "Payroll", "Payroll Ltd", (string?)null));
    }

    [Fact]
    public void CopyTo_NextRevision_CopiesContentAsNewRecord()
    {
        var link = ScopeInterface.Create(Revision, InterfaceKind.Dependency, "Hosting", "AWS", "eu-central-1").Value!;
        var next = Guid.NewGuid();

        var copy = link.CopyTo(next);

        copy.Id.ShouldNotBe(link.Id);
        copy.RevisionId.ShouldBe(next);
        (copy.Kind, copy.Name, copy.Counterparty, copy.Description).ShouldBe((InterfaceKind.Dependency, "Hosting", "AWS", "eu-central-1"));
    }
}
