using OpenIsms.Core.Common;
using OpenIsms.Core.Scope;

namespace OpenIsms.UnitTests.Scope;

public class ScopeItemTests
{
    private static readonly Guid Revision = Guid.NewGuid();

    [Fact]
    public void Create_InScopeWithoutJustification_Succeeds()
    {
        var result = ScopeItem.Create(Revision, ScopeItemKind.Location, "  Berlin office ", "  HQ  ", true, "  ");

        result.Succeeded.ShouldBeTrue();
        var item = result.Value!;
        item.RevisionId.ShouldBe(Revision);
        item.Kind.ShouldBe(ScopeItemKind.Location);
        item.Name.ShouldBe("Berlin office");
        item.Description.ShouldBe("HQ");
        item.InScope.ShouldBeTrue();
        item.Justification.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_ExcludedWithoutJustification_IsRejectedNamingTheItem(string? justification)
    {
        var result = ScopeItem.Create(Revision, ScopeItemKind.Location, " Paris sales office ", null, false, justification);

        result.Succeeded.ShouldBeFalse();
        result.Value.ShouldBeNull();
        result.Errors.ShouldBe([new FieldError(nameof(ScopeItem.Justification), "Enter a justification for excluding Paris sales office.")]);
    }

    [Fact]
    public void Create_ExcludedWithJustification_IsOutOfScope()
    {
        var result = ScopeItem.Create(Revision, ScopeItemKind.Location, "Paris sales office", null, false, " Sales only; no customer data. ");

        result.Succeeded.ShouldBeTrue();
        result.Value!.InScope.ShouldBeFalse();
        result.Value.Justification.ShouldBe("Sales only; no customer data.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankName_IsRejected(string name)
    {
        var result = ScopeItem.Create(Revision, ScopeItemKind.System, name, null, true, null);

        result.Errors.ShouldHaveSingleItem().ShouldBe(new FieldError(nameof(ScopeItem.Name), "Enter the name of the item."));
    }

    [Fact]
    public void Create_ExcludedWithBlankName_ReportsBothAndSaysThisItem()
    {
        var result = ScopeItem.Create(Revision, ScopeItemKind.System, " ", null, false, null);

        result.Errors.Select(e => e.Field).ShouldBe([nameof(ScopeItem.Name), nameof(ScopeItem.Justification)]);
        result.Errors[1].Message.ShouldBe("Enter a justification for excluding this item.");
    }

    [Fact]
    public void Create_NameOverLimit_IsRejected()
    {
        ScopeItem.Create(Revision, ScopeItemKind.System, new string('n', Limits.Name + 1), null, true, null)
            .Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(ScopeItem.Name));
        ScopeItem.Create(Revision, ScopeItemKind.System, new string('n', Limits.Name), null, true, null)
            .Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Update_ExcludingWithoutJustification_LeavesItemInScope()
    {
        var item = ScopeItem.Create(Revision, ScopeItemKind.System, "CRM", "Customer data", true, null).Value!;

        var result = item.Update(ScopeItemKind.Process, "CRM renamed", null, false, null);

        result.Succeeded.ShouldBeFalse();
        item.InScope.ShouldBeTrue();
        item.Name.ShouldBe("CRM");
        item.Kind.ShouldBe(ScopeItemKind.System);
        item.Description.ShouldBe("Customer data");
    }

    [Fact]
    public void Update_BackInScope_KeepsNoJustificationRequirement()
    {
        var item = ScopeItem.Create(Revision, ScopeItemKind.System, "CRM", null, false, "Run by the parent company.").Value!;

        item.Update(ScopeItemKind.System, "CRM", null, true, null).Succeeded.ShouldBeTrue();

        item.InScope.ShouldBeTrue();
        item.Justification.ShouldBeNull();
    }

    [Fact]
    public void CopyTo_NextRevision_CopiesContentAsNewRecord()
    {
        var item = ScopeItem.Create(Revision, ScopeItemKind.Location, "Paris", "Sales", false, "No customer data.").Value!;
        var next = Guid.NewGuid();

        var copy = item.CopyTo(next);

        copy.Id.ShouldNotBe(item.Id);
        copy.RevisionId.ShouldBe(next);
        item.RevisionId.ShouldBe(Revision);
        (copy.Kind, copy.Name, copy.Description, copy.InScope, copy.Justification)
            .ShouldBe((ScopeItemKind.Location, "Paris", "Sales", false, "No customer data."));
    }
}
