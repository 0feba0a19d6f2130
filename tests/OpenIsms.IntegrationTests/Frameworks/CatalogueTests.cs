using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Frameworks;

public abstract class CatalogueTests(AppFactory app)
{
    [Fact]
    public async Task TheCatalogue_HoldsClausesAndThe93Controls()
    {
        var (controls, clauses, themes) = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return (await db.Set<Requirement>().CountAsync(r => r.Kind == RequirementKind.Control),
                await db.Set<Requirement>().Where(r => r.Kind == RequirementKind.Clause).Select(r => r.Code).ToListAsync(),
                await db.Set<Requirement>().CountAsync(r => r.Kind == RequirementKind.Theme));
        });
        controls.ShouldBe(93);
        themes.ShouldBe(4);
        clauses.ShouldContain("4.1");
        clauses.ShouldContain("6.1.3");
        clauses.ShouldContain("10.2");
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

        var control = await viewer.Page("/catalogue/A.5.1");
        control.QuerySelector("main")!.TextContent.ShouldContain("Policies for information security");
        (await viewer.Get("/catalogue/A.99.99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANewVersionOfTheDataFile_UpdatesRowsInPlace()
    {
        await app.InScope(async sp =>
        {
            var file = CatalogueFile.Embedded().Single();
            var entry = file.Requirements.Single(r => r.Id == "A.5.1");
            var original = entry.Title;
            entry.Title = "Policies for information security (revised)";
            await sp.GetRequiredService<LoadCatalogue>().Handle(file);
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            (await db.Set<Requirement>().AsNoTracking().CountAsync(r => r.Kind == RequirementKind.Control)).ShouldBe(93);
            (await db.Set<Requirement>().AsNoTracking().SingleAsync(r => r.Code == "A.5.1")).Title.ShouldBe("Policies for information security (revised)");

            entry.Title = original;
            await sp.GetRequiredService<LoadCatalogue>().Handle(file);
            return true;
        });
    }
}

public sealed class CatalogueTestsOnSqlite(SqliteApp app) : CatalogueTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogueTestsOnPostgreSql(PostgresApp app) : CatalogueTests(app), IClassFixture<PostgresApp>;
