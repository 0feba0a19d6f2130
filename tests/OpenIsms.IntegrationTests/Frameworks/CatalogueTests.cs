using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Frameworks;

public abstract class CatalogueTests(AppFactory app)
{
    private static readonly CatalogueFile.Entry[] Shipped = CatalogueFile.Embedded().Single(c => c.Id == Iso).Requirements.ToArray();

    private const string Iso = ListRequirements.DefaultFramework;

    /// <summary>The codes the data file itself says a filter should find, in the file's order.</summary>
    private static string[] Expected(Func<CatalogueFile.Entry, bool> match) => Shipped.Where(match).Select(e => e.Id).ToArray();

    private static bool HasAttribute(CatalogueFile.Entry e, string value) =>
        e.Attributes?.Values.Any(list => list.Contains(value)) == true;

    private static string[] Codes(IParentNode page) =>
        page.QuerySelectorAll("#catalogue-results tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToArray();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task TheCatalogue_HoldsClausesAndThe93Controls()
    {
        var (controls, clauses, themes) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return (await db.Catalogue(Iso).CountAsync(r => r.Kind == RequirementKind.Control),
                await db.Catalogue(Iso).Where(r => r.Kind == RequirementKind.Clause).Select(r => r.Code).ToListAsync(),
                await db.Catalogue(Iso).CountAsync(r => r.Kind == RequirementKind.Theme));
        });
        controls.ShouldBe(93);
        themes.ShouldBe(4);
        clauses.ShouldContain("4.1");
        clauses.ShouldContain("6.1.3");
        clauses.ShouldContain("10.2");
    }

    [Fact]
    public async Task AfterStartUp_TheCatalogueHoldsClauses4To10_AndEveryAnnexAControlOnce()
    {
        var rows = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Requirement>().AsNoTracking()
            .Where(r => r.FrameworkId == ListRequirements.DefaultFramework)
            .Select(r => new { r.Code, r.Kind, r.ParentCode, r.Theme }).ToListAsync());

        rows.Where(r => r.Kind == RequirementKind.Clause && r.ParentCode == null).Select(r => r.Code)
            .OrderBy(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(["4", "5", "6", "7", "8", "9", "10"]);
        rows.Where(r => r.Kind == RequirementKind.Clause).Select(r => r.Code).ShouldBe(Expected(e => e.Kind == RequirementKind.Clause), ignoreOrder: true);

        var controls = rows.Where(r => r.Kind == RequirementKind.Control).ToList();
        controls.Count.ShouldBe(93);
        controls.Select(c => c.Code).Distinct().Count().ShouldBe(93);
        controls.Select(c => c.Code).ShouldBe(Expected(e => e.Kind == RequirementKind.Control), ignoreOrder: true);
        controls.GroupBy(c => c.Theme).ToDictionary(g => g.Key!, g => g.Count()).ShouldBe(
            new Dictionary<string, int> { ["Organizational"] = 37, ["People"] = 8, ["Physical"] = 14, ["Technological"] = 34 }, ignoreOrder: true);
        controls.ShouldAllBe(c => c.ParentCode == "A.5" || c.ParentCode == "A.6" || c.ParentCode == "A.7" || c.ParentCode == "A.8");
        rows.Count.ShouldBe(Shipped.Length, "one row per entry of the data file, however often the app has started");
    }

    [Fact]
    public async Task Browse_FilterByThemeAndAttribute_Search_AndReadGuidance()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Page("/catalogue?kind=controls&theme=People")).QuerySelectorAll("#catalogue-results tbody tr").Length.ShouldBe(8);
        (await viewer.Page("/catalogue?kind=controls&theme=Physical")).QuerySelectorAll("#catalogue-results tbody tr").Length.ShouldBe(14);
        var corrective = await viewer.Page("/catalogue?kind=controls&attribute=Corrective");
        corrective.QuerySelectorAll("#catalogue-results tbody tr").Length.ShouldBeInRange(1, 20);
        var search = await viewer.Page("/catalogue?q=screening");
        search.QuerySelector("#catalogue-results tbody")!.TextContent.ShouldContain("6.1");

        // The htmx fragment: the results alone, without the page around them.
        var request = new HttpRequestMessage(HttpMethod.Get, "/catalogue/results?theme=People&kind=controls");
        request.Headers.Add("HX-Request", "true");
        var fragment = await viewer.Http.SendAsync(request);
        fragment.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await fragment.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        html.ShouldContain("catalogue-results");

        var control = await viewer.Page("/catalogue/iso27001-2022/A.5.1");
        control.QuerySelector("main")!.TextContent.ShouldContain("Policies for information security");
        (await viewer.Get("/catalogue/iso27001-2022/A.99.99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filters_ReturnExactlyTheRowsTheDataFileSays()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);

        var people = await viewer.Page("/catalogue?kind=controls&theme=People");
        Codes(people).ShouldBe(Expected(e => e.Theme == "People"));
        Codes(people).ShouldBe(["A.6.1", "A.6.2", "A.6.3", "A.6.4", "A.6.5", "A.6.6", "A.6.7", "A.6.8"]);
        people.QuerySelectorAll("#catalogue-results tbody tr td:nth-child(3)").ShouldAllBe(td => td.TextContent.Trim() == "People");
        Codes(await viewer.Page("/catalogue?theme=Physical")).ShouldBe(Expected(e => e.Theme == "Physical"));

        // 37 organisational controls: 25 on the first page, the other 12 on the second, all 37 at 50 a page.
        var organisational = Expected(e => e.Theme == "Organizational");
        organisational.Length.ShouldBe(37);
        var first = await viewer.Page("/catalogue?kind=controls&theme=Organizational");
        Codes(first).ShouldBe(organisational[..25]);
        first.QuerySelector(".pager .count")!.TextContent.ShouldContain("of 37");
        Codes(await viewer.Page("/catalogue?kind=controls&theme=Organizational&page=2")).ShouldBe(organisational[25..]);
        Codes(await viewer.Page("/catalogue?kind=controls&theme=Organizational&size=50")).ShouldBe(organisational);

        // By attribute: whichever of the five attribute lists holds the value.
        var corrective = await viewer.Page("/catalogue?kind=controls&attribute=Corrective");
        Codes(corrective).ShouldBe(Expected(e => HasAttribute(e, "Corrective")));
        Codes(corrective).Length.ShouldBe(14);
        corrective.QuerySelectorAll("#catalogue-results tbody tr td.tags").ShouldAllBe(td => td.TextContent.Contains("Corrective"));
        Codes(await viewer.Page("/catalogue?attribute=Asset_management")).ShouldBe(Expected(e => HasAttribute(e, "Asset_management")));
        Codes(await viewer.Page("/catalogue?theme=Technological&attribute=Corrective")).ShouldBe(["A.8.7", "A.8.13", "A.8.16"]);

        // By text, in ids, titles and guidance, whatever the case.
        string[] screening = Expected(e => (e.Id + " " + e.Title + " " + e.Guidance).Contains("screening", StringComparison.OrdinalIgnoreCase));
        screening.ShouldContain("A.6.1");
        Codes(await viewer.Page("/catalogue?q=screening")).ShouldBe(screening);
        Codes(await viewer.Page("/catalogue?q=SCREENING")).ShouldBe(screening);
        Codes(await viewer.Page("/catalogue?q=Clear%20desk")).ShouldBe(Expected(e => (e.Title + " " + e.Guidance).Contains("clear desk", StringComparison.OrdinalIgnoreCase)));
        var none = await viewer.Page("/catalogue?q=zzz-no-such-words");
        Codes(none).ShouldBeEmpty();
        none.QuerySelector("#catalogue-results")!.TextContent.ShouldContain("Nothing matches these filters");
        Codes(await viewer.Page("/catalogue?kind=clauses&q=risk")).ShouldBe(Expected(e => e.Kind == RequirementKind.Clause
            && (e.Id + " " + e.Title + " " + e.Guidance).Contains("risk", StringComparison.OrdinalIgnoreCase)).Take(25).ToArray());
    }

    [Fact]
    public async Task TheResultsFragment_ForHtmx_IsTheTableAlone()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        var request = new HttpRequestMessage(HttpMethod.Get, "/catalogue/results?kind=controls&theme=People");
        request.Headers.Add("HX-Request", "true");
        var response = await viewer.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Headers.GetValues("HX-Push-Url").Single().ShouldBe("/catalogue?kind=controls&theme=People");
        var html = await response.Text();
        html.ShouldNotContain("<html", Case.Insensitive);
        html.ShouldNotContain("<body", Case.Insensitive);
        html.ShouldNotContain("class=\"topbar\"", Case.Insensitive);
        html.ShouldNotContain("<main", Case.Insensitive);
        html.TrimStart().ShouldStartWith("<div id=\"catalogue-results\"");
        var fragment = await TestClient.Parse(response);
        Codes(fragment).ShouldBe(Expected(e => e.Theme == "People"));

        // The same filter as a full page is a whole document around the same rows.
        var full = await viewer.Get("/catalogue?kind=controls&theme=People");
        (await full.Text()).ShouldContain("<html", Case.Insensitive);

        // The fragment, like the page, is for signed-in readers only.
        using var stranger = app.NewClient();
        var anonymous = new HttpRequestMessage(HttpMethod.Get, "/catalogue/results?theme=People");
        anonymous.Headers.Add("HX-Request", "true");
        (await stranger.Http.SendAsync(anonymous)).LocationPath().ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task TheRequirementPage_ShowsGuidanceAndEvidence_AndAnUnknownIdIsNotFound()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        foreach (var code in new[] { "A.5.1", "A.8.13", "4.3", "6.1.3" })
        {
            var entry = Shipped.Single(e => e.Id == code);
            var page = await viewer.Page("/catalogue/iso27001-2022/" + code);
            Squash(page.QuerySelector("h1")!.TextContent).ShouldContain($"{code} {entry.Title}");
            var cards = page.QuerySelectorAll("section.card").ToList();
            var guidance = cards.Single(c => c.QuerySelector("h2")!.TextContent == "What it asks for");
            entry.Guidance.ShouldNotBeNullOrWhiteSpace();
            Squash(guidance.TextContent).ShouldContain(Squash(entry.Guidance!));
            var evidence = cards.Single(c => c.QuerySelector("h2")!.TextContent == "Typical evidence");
            evidence.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe(entry.Evidence!);
            if (entry.DocumentedInformation is not null)
            {
                Squash(guidance.TextContent).ShouldContain(Squash(entry.DocumentedInformation));
            }
        }

        var theme = await viewer.Page("/catalogue/iso27001-2022/A.6");
        theme.QuerySelectorAll("ul.plain li a").Select(a => a.GetAttribute("href")).ShouldBe(Expected(e => e.Parent == "A.6").Select(c => "/catalogue/iso27001-2022/" + c));

        // An address from before frameworks were named still leads to the ISO/IEC 27001 entry.
        (await viewer.Get("/catalogue/A.5.1")).LocationPath().ShouldBe("/catalogue/iso27001-2022/A.5.1");

        foreach (var unknown in new[] { "A.99.99", "A.5.0", "11", "a.5.1x", "nist-csf-2.0/A.5.1", "iso27001-2022/GV.OC", "no-such-framework/A.5.1" })
        {
            var response = await viewer.Get("/catalogue/" + unknown);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, unknown);
            (await response.Text()).ShouldContain("Page not found");
        }
    }

    [Fact]
    public async Task ANewVersionOfTheDataFile_UpdatesRowsInPlace()
    {
        await app.InScope(async sp =>
        {
            var file = CatalogueFile.Embedded().Single(c => c.Id == Iso);
            var entry = file.Requirements.Single(r => r.Id == "A.5.1");
            var original = entry.Title;
            entry.Title = "Policies for information security (revised)";
            await sp.GetRequiredService<LoadCatalogue>().Handle(file);
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            (await db.Catalogue(Iso).AsNoTracking().CountAsync(r => r.Kind == RequirementKind.Control)).ShouldBe(93);
            (await db.Catalogue(Iso).AsNoTracking().SingleAsync(r => r.Code == "A.5.1")).Title.ShouldBe("Policies for information security (revised)");

            entry.Title = original;
            await sp.GetRequiredService<LoadCatalogue>().Handle(file);
            return true;
        });
    }

    [Fact]
    public async Task LoadingAChangedDataFile_UpdatesTheExistingRow_LogsTheChangeOnce_AndAddsNoRows()
    {
        const string Revised = "Information security policies, revised in a later data file";
        var file = CatalogueFile.Embedded().Single(c => c.Id == Iso);
        var entry = file.Requirements.Single(r => r.Id == "A.5.1");
        var original = entry.Title;

        static async Task<(Guid Id, int Version, string Title, int Total, int Controls, long Log)> Snapshot(OpenIsmsDbContext db)
        {
            var set = db.Set<Requirement>().AsNoTracking().Where(r => r.FrameworkId == ListRequirements.DefaultFramework);
            var row = await set.SingleAsync(r => r.Code == "A.5.1");
            return (row.Id, row.Version, row.Title, await set.CountAsync(), await set.CountAsync(r => r.Kind == RequirementKind.Control),
                await db.Set<ActivityEntry>().AsNoTracking().CountAsync(e => e.EntityType == nameof(Requirement)));
        }

        var before = await app.InScope(sp => Snapshot(sp.GetRequiredService<OpenIsmsDbContext>()));
        before.Title.ShouldBe(original);
        try
        {
            // The same data file again changes nothing and logs nothing.
            (await app.InScope(sp => sp.GetRequiredService<LoadCatalogue>().Handle(file))).ShouldBe(0);

            entry.Title = Revised;
            (await app.InScope(sp => sp.GetRequiredService<LoadCatalogue>().Handle(file))).ShouldBeGreaterThan(0);
            var after = await app.InScope(sp => Snapshot(sp.GetRequiredService<OpenIsmsDbContext>()));
            after.Id.ShouldBe(before.Id, "the row is updated in place, keeping its id (which links point at)");
            after.Title.ShouldBe(Revised);
            after.Version.ShouldBe(before.Version + 1);
            after.Total.ShouldBe(before.Total);
            after.Controls.ShouldBe(93);
            after.Log.ShouldBe(before.Log + 1, "one activity entry for the one changed row");
            var logged = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>().AsNoTracking()
                .Where(e => e.EntityType == nameof(Requirement)).OrderByDescending(e => e.Sequence).FirstAsync());
            logged.EntityId.ShouldBe(before.Id.ToString());
            logged.Action.ShouldBe(ActivityActions.Updated);
            logged.After.ShouldNotBeNull().ShouldContain(Revised);
            logged.Before.ShouldNotBeNull().ShouldContain(original);

            // Loading it twice is the same as once.
            (await app.InScope(sp => sp.GetRequiredService<LoadCatalogue>().Handle(file))).ShouldBe(0);
            (await app.InScope(sp => Snapshot(sp.GetRequiredService<OpenIsmsDbContext>()))).ShouldBe(after);

            using var viewer = await app.SignedIn(Roles.Viewer);
            Squash((await viewer.Page("/catalogue/iso27001-2022/A.5.1")).QuerySelector("h1")!.TextContent).ShouldContain(Revised);
            (await viewer.Page("/catalogue?q=revised%20in%20a%20later")).QuerySelectorAll("#catalogue-results tbody tr").Length.ShouldBe(1);
        }
        finally
        {
            entry.Title = original;
            await app.InScope(sp => sp.GetRequiredService<LoadCatalogue>().Handle(file));
        }
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class CatalogueTestsOnSqlite(SqliteApp app) : CatalogueTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class CatalogueTestsOnPostgreSql(PostgresApp app) : CatalogueTests(app.App), IClassFixture<PostgresApp>;
