using OpenIsms.Core.Context;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Risks;
using OpenIsms.Web.Account;
using OpenIsms.Web.Api;
using OpenIsms.Web.Components.Shared;
using OpenIsms.Web.Features.Activity;
using OpenIsms.Web.Features.Assets;
using OpenIsms.Web.Features.Catalogue;
using OpenIsms.Web.Features.Context;
using OpenIsms.Web.Features.Controls;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Features.Imports;
using OpenIsms.Web.Features.Risks;
using OpenIsms.Web.Features.Scope;
using OpenIsms.Web.Features.Settings;
using OpenIsms.Web.Features.Soa;

namespace OpenIsms.UnitTests.Web;

/// <summary>
/// The areas' URL builders print the addresses the pages route, links in bookmarks and the tests know: the same
/// characters as the literals they replaced (parameter order, escaping, the notice and the section last).
/// </summary>
public class UrlBuilderTests
{
    private static readonly Guid Id = Guid.Parse("0b5c7f5e-2f4d-4c1a-9d3e-7a6b5c4d3e2f");
    private static readonly Guid Other = Guid.Parse("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");

    [Fact]
    public void Risks_PrintTheRegisterItsRisksAndTheirParts()
    {
        RiskUrls.Risk(Id).ShouldBe($"/risks/{Id}");
        RiskUrls.Edit(Id).ShouldBe($"/risks/{Id}/edit");
        RiskUrls.Action(Id, Other).ShouldBe($"/risks/{Id}/actions/{Other}");
        RiskUrls.Risk(Id).Done("added").At("actions").ShouldBe($"/risks/{Id}?done=added#actions");
        RiskUrls.Home.Done("deleted").ShouldBe("/risks?done=deleted");
        RiskUrls.ForAnnex("A.8.13").ShouldBe("/risks?annex=A.8.13");
        RiskUrls.Cell(RatingKind.Inherent, 3, 4, "q=fire&owner=u1").ShouldBe("/risks?kind=inherent&l=3&i=4&q=fire&owner=u1");
        RiskUrls.Cell(RatingKind.Residual, 1, 5, "").ShouldBe("/risks?kind=residual&l=1&i=5");
        var filter = new RiskFilter { Search = "fire door", Level = 3, Treatment = TreatmentOption.Avoid, Page = 2 };
        RiskUrls.Register(filter).ShouldBe("/risks?q=fire%20door&level=3&treatment=Avoid&page=2");
        RiskUrls.HeatMap(filter).ShouldBe("/risks/heatmap?q=fire%20door&treatment=Avoid");
        RiskUrls.Export("csv", filter).ShouldBe("/risks/export.csv?q=fire%20door&level=3&treatment=Avoid");
        var plan = new TreatmentPlanFilter { OwnerId = "u1", AnyStatus = true, Page = 3, PageSize = 100 };
        RiskUrls.TreatmentPlanList(plan).ShouldBe("/risks/treatment-plan?owner=u1&status=all&page=3&size=100");
        RiskUrls.TreatmentPlanExport("docx", plan).ShouldBe("/risks/treatment-plan.docx?owner=u1&status=all");
        RiskUrls.Catalogue(CatalogueKind.Vulnerabilities).Done("saved").ShouldBe("/risks/catalogues?kind=Vulnerabilities&done=saved");
        RiskUrls.CatalogueEntry(CatalogueKind.Threats, Id).ShouldBe($"/risks/catalogues?kind=Threats&edit={Id}#entry");
        RiskUrls.StartersAdded(CatalogueKind.Threats, 12).ShouldBe("/risks/catalogues?kind=Threats&added=12");
        RiskUrls.MethodologyVersion(2).ShouldBe("/risks/methodology/2");
        RiskUrls.Reassessed(7).ShouldBe("/risks/methodology/reassess?remapped=7");
    }

    [Fact]
    public void Soa_NamesEachControlByItsCode()
    {
        SoaUrls.Entry("A.5.1").ShouldBe("/soa/A.5.1");
        SoaUrls.Row("A.5.1").ShouldBe("/soa/rows/A.5.1");
        SoaUrls.RowEditor("A.5.1").ShouldBe("/soa/rows/A.5.1/edit");
        SoaUrls.Home.Done("saved").At("A.5.1").ShouldBe("/soa?done=saved#A.5.1");
        SoaUrls.List(new() { Decision = "undecided", Theme = "People" }).Done("saved").ShouldBe("/soa?theme=People&decision=undecided&done=saved");
        SoaUrls.Version(3).At("A.5.1").ShouldBe("/soa/versions/3#A.5.1");
        SoaUrls.Compare(2).ShouldBe("/soa/compare?fromNumber=2");
        SoaUrls.Compare(2, 3).ShouldBe("/soa/compare?fromNumber=2&toNumber=3");
        SoaUrls.Export("pdf").ShouldBe("/soa/export.pdf?version=draft");
        SoaUrls.Export("xlsx", 4).ShouldBe("/soa/export.xlsx?version=4");
    }

    [Fact]
    public void OtherAreas_PrintTheAddressesTheirPagesRoute()
    {
        ContextUrls.Requirement(Id, Other).ShouldBe($"/context/parties/{Id}/requirements/{Other}");
        ContextUrls.EditIssue(Id).ShouldBe($"/context/issues/{Id}/edit");
        ContextUrls.IssueList(new() { Origin = IssueOrigin.External, ClimateOnly = true }).ShouldBe("/context/issues?origin=External&climate=true");
        ContextUrls.PartyList(new() { Source = RequirementSource.Legal, UnaddressedOnly = true }).ShouldBe("/context/parties?source=Legal&open=true");
        ScopeUrls.Version(2).ShouldBe("/scope/versions/2");
        ScopeUrls.Interface(Id).ShouldBe($"/scope/interfaces/{Id}");
        ControlUrls.ForAnnex("A.8.13").ShouldBe("/controls?annex=A.8.13");
        ControlUrls.StartersCreated(93).ShouldBe("/controls?created=93");
        ControlUrls.EvidencePage(Id, 2).ShouldBe($"/controls/{Id}?evidence=2#control-evidence");
        EvidenceUrls.New(Id).ShouldBe($"/controls/{Id}/evidence/new");
        EvidenceUrls.CompleteTask(Id, Other).ShouldBe($"/controls/{Id}/tasks/{Other}/complete");
        EvidenceUrls.Download(Id).ShouldBe($"/evidence/{Id}/download");
        EvidenceUrls.List(new() { State = EvidenceState.Expired, Page = 2 }).ShouldBe("/evidence?state=Expired&page=2");
        AssetUrls.Asset(Id).Done("added").At("dependencies").ShouldBe($"/assets/{Id}?done=added#dependencies");
        AssetUrls.ByOwner("none").ShouldBe("/assets?owner=none");
        AssetUrls.ByClassification("Strictly confidential").ShouldBe("/assets?classification=Strictly%20confidential");
        SettingsUrls.ClassificationLevel(Id).ShouldBe($"/settings/classification?edit={Id}#level");
        SettingsUrls.User(Id.ToString()).ShouldBe($"/settings/users/{Id}");
        ActivityUrls.History("Risk", Id.ToString()).ShouldBe($"/history/Risk/{Id}");
        ActivityUrls.Log(new() { EntityType = "Risk", From = new DateOnly(2026, 12, 1) }).ShouldBe("/activity?type=Risk&from=2026-12-01");
        CatalogueUrls.Requirement("A.5.1").ShouldBe("/catalogue/A.5.1");
        ImportUrls.Mapping(ImportUrls.Risks, Id).ShouldBe($"/risks/import/{Id}");
        ImportUrls.Imported(ImportUrls.Soa).ShouldBe("/soa?done=imported");
        ApiUrls.Risk(Id).ShouldBe($"/api/v1/risks/{Id}");
    }

    [Fact]
    public void Account_KeepsOnlyALocalReturnAddress()
    {
        AccountUrls.LoginTwoFactor("/risks?q=fire", rememberMe: true).ShouldBe("/account/login-2fa?returnUrl=%2Frisks%3Fq%3Dfire&rememberMe=True");
        AccountUrls.LoginRecovery("https://elsewhere.example/").ShouldBe("/account/login-recovery?returnUrl=%2F");
        AccountUrls.SignedOut.ShouldBe("/account/login?signedout=1");
        AccountUrls.TwoFactorRequired.ShouldBe("/account/2fa?required=1");
    }
}
