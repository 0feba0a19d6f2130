using OpenIsms.Core.Security;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Awareness;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Context;
using OpenIsms.Core.Changes;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Competences;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Improvements;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.Objectives;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.People;
using OpenIsms.Core.Readiness;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Reviews;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Scope;
using OpenIsms.Core.Soa;
using OpenIsms.Core.Users;

namespace OpenIsms.UnitTests.Security;

public class RolePermissionsTests
{
    private static readonly string[] Reading = [CataloguePermissions.Read, ScopePermissions.Read, ContextPermissions.Read, AssetPermissions.Read, RiskPermissions.Read, ControlPermissions.Read, ActivityPermissions.Read, Permissions.Self, DocumentPermissions.Read, ResponsibilityPermissions.Read, ObjectivePermissions.Read, CommunicationPermissions.Read, NonconformityPermissions.Read, ImprovementPermissions.Read, AuditPermissions.Read, ReviewPermissions.Read, ChangePermissions.Read];

    /// <summary>What each role may do, written out independently of the production map.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        [Roles.Administrator] = [.. Reading, ScopePermissions.Edit, ScopePermissions.Approve, ContextPermissions.Edit, AssetPermissions.Edit, RiskPermissions.Edit, RiskPermissions.Accept, RiskPermissions.Approve, ControlPermissions.Edit, ControlPermissions.Operate, SoaPermissions.Approve, EvidencePermissions.Read, EvidencePermissions.Add, EvidencePermissions.Review, ActivityPermissions.Verify, UserPermissions.Manage, OrganisationPermissions.Manage, PeoplePermissions.Read, PeoplePermissions.Edit, DocumentPermissions.Edit, DocumentPermissions.Approve, DocumentPermissions.Campaign, MailPermissions.Manage, ResponsibilityPermissions.Edit, CompetencePermissions.Read, CompetencePermissions.Edit, ObjectivePermissions.Edit, ObjectivePermissions.Measure, AwarenessPermissions.Read, AwarenessPermissions.Edit, CommunicationPermissions.Edit, NonconformityPermissions.Edit, NonconformityPermissions.Verify, ImprovementPermissions.Edit, AuditPermissions.Plan, AuditPermissions.Conduct, ReviewPermissions.Hold, ChangePermissions.Edit, ReadinessPermissions.Read, ReadinessPermissions.Pack],
        [Roles.IsmsManager] = [.. Reading, ScopePermissions.Edit, ScopePermissions.Approve, ContextPermissions.Edit, AssetPermissions.Edit, RiskPermissions.Edit, RiskPermissions.Accept, RiskPermissions.Approve, ControlPermissions.Edit, ControlPermissions.Operate, SoaPermissions.Approve, EvidencePermissions.Read, EvidencePermissions.Add, EvidencePermissions.Review, ActivityPermissions.Verify, PeoplePermissions.Read, PeoplePermissions.Edit, DocumentPermissions.Edit, DocumentPermissions.Approve, DocumentPermissions.Campaign, ResponsibilityPermissions.Edit, CompetencePermissions.Read, CompetencePermissions.Edit, ObjectivePermissions.Edit, ObjectivePermissions.Measure, AwarenessPermissions.Read, AwarenessPermissions.Edit, CommunicationPermissions.Edit, NonconformityPermissions.Edit, NonconformityPermissions.Verify, ImprovementPermissions.Edit, AuditPermissions.Plan, AuditPermissions.Conduct, ReviewPermissions.Hold, ChangePermissions.Edit, ReadinessPermissions.Read, ReadinessPermissions.Pack],
        [Roles.Contributor] = [.. Reading, ScopePermissions.Edit, ContextPermissions.Edit, AssetPermissions.Edit, RiskPermissions.Edit, RiskPermissions.Accept, ControlPermissions.Edit, ControlPermissions.Operate, EvidencePermissions.Read, EvidencePermissions.Add, PeoplePermissions.Read, DocumentPermissions.Edit, CompetencePermissions.Read, ObjectivePermissions.Measure, AwarenessPermissions.Read, CommunicationPermissions.Edit, NonconformityPermissions.Edit, ImprovementPermissions.Edit, ReadinessPermissions.Read],
        [Roles.Auditor] = [.. Reading, EvidencePermissions.Read, ActivityPermissions.Verify, PeoplePermissions.Read, CompetencePermissions.Read, AwarenessPermissions.Read, AuditPermissions.Conduct, ReadinessPermissions.Read],
        [Roles.Viewer] = [.. Reading],
    };

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (role, granted) in Expected)
        {
            foreach (var permission in Permissions.All)
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
        foreach (var duty in new[] { OwnerDuties.Asset, OwnerDuties.Risk, OwnerDuties.Control, OwnerDuties.TreatmentAction, OwnerDuties.Document })
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
        RolePermissions.Grants(Roles.Viewer, ScopePermissions.Read).ShouldBeTrue();
        RolePermissions.Grants(Roles.Viewer, ScopePermissions.Edit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Viewer, ContextPermissions.Edit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Viewer, ActivityPermissions.Verify).ShouldBeFalse();
    }

    [Fact]
    public void Auditor_ActivityLog_CanVerifyButNotEditAnything()
    {
        RolePermissions.Grants(Roles.Auditor, ActivityPermissions.Verify).ShouldBeTrue();
        RolePermissions.Grants(Roles.Auditor, ScopePermissions.Edit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Auditor, ContextPermissions.Edit).ShouldBeFalse();
        RolePermissions.Grants(Roles.Auditor, ScopePermissions.Approve).ShouldBeFalse();
    }

    [Fact]
    public void Contributor_Scope_CanEditButNotApprove()
    {
        RolePermissions.Grants(Roles.Contributor, ScopePermissions.Edit).ShouldBeTrue();
        RolePermissions.Grants(Roles.Contributor, ScopePermissions.Approve).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.IsmsManager)]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Viewer)]
    public void UserAndOrganisationSettings_AnyoneButAdministrator_IsDenied(string role)
    {
        RolePermissions.Grants(role, UserPermissions.Manage).ShouldBeFalse();
        RolePermissions.Grants(role, OrganisationPermissions.Manage).ShouldBeFalse();
        RolePermissions.Grants(role, MailPermissions.Manage).ShouldBeFalse();
    }

    [Fact]
    public void Administrator_EveryPermission_IsGranted()
    {
        Permissions.All.ShouldAllBe(p => RolePermissions.Grants(Roles.Administrator, p));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Owner")]
    [InlineData("administrator")]
    [InlineData("Administrator ")]
    [InlineData("viewer")]
    public void Grants_UnknownOrMisspeltRole_GrantsNothing(string role)
    {
        Permissions.All.ShouldAllBe(p => !RolePermissions.Grants(role, p));
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
        RolePermissions.AnyGrants([Roles.Viewer, Roles.Contributor], ScopePermissions.Edit).ShouldBeTrue();
        RolePermissions.AnyGrants([Roles.Auditor, Roles.Contributor], ActivityPermissions.Verify).ShouldBeTrue();
    }

    [Fact]
    public void AnyGrants_NoRoleGrants_IsDenied()
    {
        RolePermissions.AnyGrants([Roles.Viewer, Roles.Auditor, Roles.Contributor], ScopePermissions.Approve).ShouldBeFalse();
        RolePermissions.AnyGrants([], Permissions.Self).ShouldBeFalse();
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
        RolePermissions.Listed.ShouldBe(Permissions.All, ignoreOrder: true);
    }

    [Fact]
    public void OwnerDuties_AreTheAreasPermissions()
    {
        (OwnerDuties.Asset, OwnerDuties.Risk, OwnerDuties.Control, OwnerDuties.TreatmentAction, OwnerDuties.Document)
            .ShouldBe((AssetPermissions.Edit, RiskPermissions.Accept, ControlPermissions.Operate, RiskPermissions.Edit, DocumentPermissions.Edit));
    }

    [Fact]
    public void All_IsDiscoveredFromTheAreas()
    {
        Permissions.All.Count.ShouldBe(56);
        Permissions.All.ShouldContain(AwarenessPermissions.Edit);
        Permissions.All.ShouldContain(SoaPermissions.Approve);
        Permissions.All.ShouldContain(PeoplePermissions.Edit);
        Permissions.All.ShouldContain(Permissions.Self);
    }
}
