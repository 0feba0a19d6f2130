using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Frameworks;

/// <summary>
/// NIST CSF 2.0, loaded from its OSCAL catalog alone, is browsed and searched like ISO/IEC 27001, maps to it, and stays
/// out of the Statement of Applicability, which belongs to the organisation's chosen framework.
/// </summary>
public abstract class SecondFrameworkTests(AppFactory app)
{
    private const string Csf = "nist-csf-2.0";

    private static string[] Codes(IParentNode page) =>
        page.QuerySelectorAll("#catalogue-results tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToArray();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task AfterStartUp_BothFrameworksAreThere_WithAttributesAsRows()
    {
        var (frameworks, csf, withdrawn, riskParty, isoAttributes) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return (await db.Set<Framework>().OrderBy(f => f.Key).Select(f => new { f.Key, f.HoldsSoa, f.OffersSoa }).ToListAsync(),
                await db.Catalogue(Csf).CountAsync(),
                await db.Catalogue(Csf).CountAsync(r => r.Withdrawn),
                await (from a in db.Set<RequirementAttribute>() join r in db.Set<Requirement>() on a.RequirementId equals r.Id
                       where r.FrameworkId == Csf && a.Family == "risk-party" select a).CountAsync(),
                await (from a in db.Set<RequirementAttribute>() join r in db.Set<Requirement>() on a.RequirementId equals r.Id
                       where r.FrameworkId == ListRequirements.DefaultFramework && r.Code == "A.5.7" select a.Value).ToListAsync());
        });

        frameworks.Select(f => (f.Key, f.HoldsSoa, f.OffersSoa)).ShouldBe([("iso27001-2022", true, true), (Csf, false, false)]);
        csf.ShouldBe(6 + 34 + 185);
        withdrawn.ShouldBe(12 + 79);
        riskParty.ShouldBeGreaterThan(100);
        var shipped = CatalogueFile.Embedded().Single(c => c.Id == ListRequirements.DefaultFramework).Requirements.Single(r => r.Id == "A.5.7");
        isoAttributes.ShouldBe(shipped.Attributes!.Values.SelectMany(v => v).ToList(), ignoreOrder: true);
        isoAttributes.ShouldContain("Detective");
    }

    [Fact]
    public async Task Browse_CsfFromData_FiltersBuiltFromItsLevelsFunctionsAndAttributes()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        var home = await viewer.Page("/catalogue?framework=" + Csf);
        home.QuerySelector(".caption")!.TextContent.ShouldBe("NIST Cybersecurity Framework 2.0");
        home.QuerySelector("nav .switcher a[aria-current=page]")!.TextContent.ShouldBe("NIST Cybersecurity Framework 2.0");
        home.QuerySelectorAll("#kind option").Select(o => o.TextContent).ShouldBe(["Everything", "Functions", "Categories", "Subcategories"]);
        home.QuerySelector("label[for=theme]")!.TextContent.ShouldBe("Function");
        home.QuerySelectorAll("#theme option").Select(o => o.TextContent).Skip(1).ShouldBe(["GOVERN", "IDENTIFY", "PROTECT", "DETECT", "RESPOND", "RECOVER"]);
        home.QuerySelectorAll("#attribute optgroup").Select(g => g.GetAttribute("label")).ShouldBe(["Risk party"]);
        home.QuerySelector("main")!.TextContent.ShouldContain("6 functions, 22 categories, 106 subcategories; 91 withdrawn");

        (await viewer.Page($"/catalogue?framework={Csf}&kind=subcategories")).QuerySelector(".pager .count")!.TextContent.ShouldContain("of 106");
        (await viewer.Page($"/catalogue?framework={Csf}&kind=subcategories&withdrawn=true")).QuerySelector(".pager .count")!.TextContent.ShouldContain("of 185");
        Codes(await viewer.Page($"/catalogue?framework={Csf}&kind=categories&theme=GOVERN"))
            .ShouldBe(["GV.OC", "GV.RM", "GV.RR", "GV.PO", "GV.OV", "GV.SC"]);
        Codes(await viewer.Page($"/catalogue?framework={Csf}&q=organizational%20mission")).ShouldContain("GV.OC-01");
        var third = await viewer.Page($"/catalogue?framework={Csf}&attribute={Uri.EscapeDataString("3rd Party Risk")}&size=100");
        Codes(third).ShouldNotBeEmpty();
        third.QuerySelectorAll("#catalogue-results td.tags").ShouldAllBe(td => td.TextContent.Contains("3rd Party Risk"));

        // A value the framework does not have is no filter at all, as with ISO/IEC 27001's values.
        (await viewer.Page($"/catalogue?framework={Csf}&kind=controls&theme=People")).QuerySelector(".pager .count")!.TextContent.ShouldContain("of 134");
        (await viewer.Get("/catalogue?framework=no-such-framework")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The htmx fragment keeps the framework.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/catalogue/results?framework={Csf}&kind=categories&theme=RECOVER");
        request.Headers.Add("HX-Request", "true");
        Codes(await TestClient.Parse(await viewer.Http.SendAsync(request))).ShouldBe(["RC.RP", "RC.CO"]);
    }

    [Fact]
    public async Task RequirementPages_ShowNistsTextExamplesWithdrawalAndMappingsBothWays()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        var subcategory = await viewer.Page($"/catalogue/{Csf}/GV.OC-01");
        Squash(subcategory.QuerySelector(".caption")!.TextContent).ShouldBe("NIST Cybersecurity Framework 2.0 · Subcategory · GOVERN");
        var cards = subcategory.QuerySelectorAll("section.card").ToDictionary(c => c.QuerySelector("h2")!.TextContent);
        cards["What NIST says"].TextContent.ShouldContain("The organizational mission is understood");
        cards["Implementation examples"].QuerySelectorAll("li").Length.ShouldBeGreaterThan(0);
        cards["Attributes"].TextContent.ShouldContain("1st Party Risk");
        subcategory.QuerySelector(".breadcrumbs a[href='/catalogue/nist-csf-2.0/GV.OC']").ShouldNotBeNull();

        var withdrawn = await viewer.Page($"/catalogue/{Csf}/ID.AM-06");
        var notice = withdrawn.QuerySelector(".notice")!;
        notice.TextContent.ShouldContain("Withdrawn");
        notice.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["/catalogue/nist-csf-2.0/GV.RR-02", "/catalogue/nist-csf-2.0/GV.SC-02"]);

        var policy = await viewer.Page($"/catalogue/{Csf}/GV.PO");
        var mapped = policy.QuerySelectorAll("section.card").Single(c => c.QuerySelector("h2")!.TextContent == "In other frameworks");
        mapped.QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent).ShouldBe(["5.2", "A.5.1"]);
        Squash(mapped.TextContent).ShouldContain("GV.PO overlaps with A.5.1");

        var annex = await viewer.Page("/catalogue/iso27001-2022/A.5.1");
        var back = annex.QuerySelectorAll("section.card").Single(c => c.QuerySelector("h2")!.TextContent == "In other frameworks");
        back.QuerySelector("a")!.GetAttribute("href").ShouldBe("/catalogue/nist-csf-2.0/GV.PO");
        Squash(back.TextContent).ShouldContain("A.5.1 overlaps with GV.PO");

        // Seen from the other end, a subset is a superset.
        var backup = await viewer.Page("/catalogue/iso27001-2022/A.8.13");
        Squash(backup.QuerySelectorAll("section.card").Single(c => c.QuerySelector("h2")!.TextContent == "In other frameworks").TextContent)
            .ShouldContain("A.8.13 is equivalent to PR.DS-11");
    }

    [Fact]
    public async Task TheSoa_ListsOnlyTheChosenFrameworksControls_AndCsfCannotHoldIt()
    {
        var lines = await app.InScope(async sp => (await sp.GetRequiredService<GetSoa>().Handle()).Lines);
        lines.Count.ShouldBe(93);
        lines.ShouldAllBe(l => l.Requirement.FrameworkId == ListRequirements.DefaultFramework);

        using var manager = await app.SignedIn(Roles.IsmsManager);
        var soa = await manager.Page("/soa");
        soa.QuerySelectorAll("tr#GV\\.OC-01").ShouldBeEmpty();
        soa.QuerySelectorAll("#attribute optgroup").Select(g => g.GetAttribute("label")).ShouldContain("Control type");

        // A CSF code is no control to plan on or implement.
        var picker = await manager.Page("/risks/new");
        picker.QuerySelectorAll("option").Select(o => o.TextContent).ShouldNotContain(t => t.StartsWith("GV.", StringComparison.Ordinal));

        using var admin = await app.SignedIn(Roles.Administrator);
        var settings = await admin.Page("/settings/organisation");
        settings.QuerySelectorAll("#f-Framework option").Select(o => o.GetAttribute("value")).ShouldBe(["", "iso27001-2022"]);
        var refused = await admin.Submit(settings, "form:has(#f-Framework)", new Dictionary<string, string?> { ["Input.Framework"] = Csf });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestClient.Parse(refused)).QuerySelector("#f-Framework")!.Closest(".field")!.TextContent.ShouldContain("only those with controls to decide on");
        var kept = await admin.Submit(settings, "form:has(#f-Framework)", new Dictionary<string, string?> { ["Input.Framework"] = ListRequirements.DefaultFramework });
        kept.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Framework>().Where(f => f.HoldsSoa).Select(f => f.Key).ToListAsync()))
            .ShouldBe([ListRequirements.DefaultFramework]);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class SecondFrameworkTestsOnSqlite(SqliteApp app) : SecondFrameworkTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class SecondFrameworkTestsOnPostgreSql(PostgresApp app) : SecondFrameworkTests(app.App), IClassFixture<PostgresApp>;
