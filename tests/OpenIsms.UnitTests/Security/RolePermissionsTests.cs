using OpenIsms.Core.Security;
using static OpenIsms.Core.Security.Permissions;

namespace OpenIsms.UnitTests.Security;

public class RolePermissionsTests
{
    private static readonly string[] Reading = [CatalogueRead, ScopeRead, ContextRead, AssetsRead, RisksRead, ControlsRead, ActivityRead, Self];

    /// <summary>What each role may do, written out independently of the production map.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        [Roles.Administrator] = [.. Reading, ScopeEdit, ScopeApprove, ContextEdit, AssetsEdit, RisksEdit, RisksAccept, RisksApprove, ControlsEdit, ControlsOperate, SoaApprove, EvidenceRead, EvidenceAdd, EvidenceReview, ActivityVerify, UsersManage, OrganisationManage],
        [Roles.IsmsManager] = [.. Reading, ScopeEdit, ScopeApprove, ContextEdit, AssetsEdit, RisksEdit, RisksAccept, RisksApprove, ControlsEdit, ControlsOperate, SoaApprove, EvidenceRead, EvidenceAdd, EvidenceReview, ActivityVerify],
        [Roles.Contributor] = [.. Reading, ScopeEdit, ContextEdit, AssetsEdit, RisksEdit, RisksAccept, ControlsEdit, ControlsOperate, EvidenceRead, EvidenceAdd],
        [Roles.Auditor] = [.. Reading, EvidenceRead, ActivityVerify],
        [Roles.Viewer] = [.. Reading],
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (role, granted) in Expected)
        {
            foreach (var permission in All)
            {
                data.Add(role, permission, granted.Contains(permission));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Grants_RoleAndPermission_MatchesTheRoleMatrix(string role, string permission, bool expected)
    {
        RolePermissions.Grants(role, permission).ShouldBe(expected);
    }

    [Fact]
    public void OwnerDuties_AreNotGrantedToReadOnlyRoles()
    {
        foreach (var duty in new[] { OwnerDuties.Asset, OwnerDuties.Risk, OwnerDuties.Control, OwnerDuties.TreatmentAction })
        {
            RolePermissions.Grants(Roles.Viewer, duty).ShouldBeFalse(duty);
            RolePermissions.Grants(Roles.Auditor, duty).ShouldBeFalse(duty);
            RolePermissions.RolesGranting(duty).ShouldBe([Roles.Administrator, Roles.IsmsManager, Roles.Contributor], ignoreOrder: true);
        }
    }

    [Fact]
    public void Matrix_EveryRole_IsCovered()
    {
        Expected.Keys.ShouldBe(Roles.All, ignoreOrder: true);
    }

    [Fact]
    public void Viewer_ScopeAndContext_CanReadButNotChange()
    {
        RolePermissions.Grants(Roles.Viewer, ScopeRead).ShouldBeTrue();
        RolePermissions.Grants(Roles.Viewer, ScopeEdit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Viewer, ContextEdit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Viewer, ActivityVerify).ShouldBeFalse();
    }

    [Fact]
    public void Auditor_ActivityLog_CanVerifyButNotEditAnything()
    {
        RolePermissions.Grants(Roles.Auditor, ActivityVerify).ShouldBeTrue();
        RolePermissions.Grants(Roles.Auditor, ScopeEdit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Auditor, ContextEdit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Auditor, ScopeApprove).ShouldBeFalse();
    }

    [Fact]
    public void Contributor_Scope_CanEditButNotApprove()
    {
        RolePermissions.Grants(Roles.Contributor, ScopeEdit).ShouldBeTrue();
        RolePermissions.Grants(Roles.Contributor, ScopeApprove).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.IsmsManager)]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Viewer)]
    public void UserAndOrganisationSettings_AnyoneButAdministrator_IsDenied(string role)
    {
        RolePermissions.Grants(role, UsersManage).ShouldBeFalse();
        RolePermissions.Grants(role, OrganisationManage).ShouldBeFalse();
    }

    [Fact]
    public void Administrator_EveryPermission_IsGranted()
    {
        All.ShouldAllBe(p => RolePermissions.Grants(Roles.Administrator, p));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Owner")]
    [InlineData("administrator")]
    [InlineData("Administrator ")]
    [InlineData("viewer")]
    public void Grants_UnknownOrMisspeltRole_GrantsNothing(string role)
    {
        All.ShouldAllBe(p => !RolePermissions.Grants(role, p));
    }

    [Theory]
    [InlineData("")]
    [InlineData("scope.*")]
    [InlineData("SCOPE.EDIT")]
    public void Grants_UnknownPermission_IsDeniedEvenToAdministrator(string permission)
    {
        RolePermissions.Grants(Roles.Administrator, permission).ShouldBeFalse();
    }

    [Fact]
    public void AnyGrants_OneOfSeveralRolesGrants_IsGranted()
    {
        RolePermissions.AnyGrants([Roles.Viewer, Roles.Contributor], ScopeEdit).ShouldBeTrue();
        RolePermissions.AnyGrants([Roles.Auditor, Roles.Contributor], ActivityVerify).ShouldBeTrue();
    }

    [Fact]
    public void AnyGrants_NoRoleGrants_IsDenied()
    {
        RolePermissions.AnyGrants([Roles.Viewer, Roles.Auditor, Roles.Contributor], ScopeApprove).ShouldBeFalse();
        RolePermissions.AnyGrants([], Self).ShouldBeFalse();
    }

    [Fact]
    public void Describe_EveryRole_HasADescription()
    {
        Roles.All.ShouldAllBe(r => Roles.Describe(r).Length > 0);
        Roles.Describe("Owner").ShouldBe("");
    }

    [Fact]
    public void Table_ListsEveryDeclaredPermissionOnce_AndNothingUndeclared()
    {
        RolePermissions.Listed.ShouldBe(RolePermissions.Listed.Distinct().ToList());
        RolePermissions.Listed.ShouldBe(All, ignoreOrder: true);
    }
}
