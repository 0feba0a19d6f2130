using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Leadership;

/// <summary>
/// Leadership acts (clause 5.1) read from the records that hold them: a policy approved by the administrator appears with
/// a link to the version; the filters by decision, person, period and "top management only" narrow the list in SQL.
/// </summary>
public abstract class LeadershipActTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    [Fact]
    public async Task APolicyApproval_IsListedAsALeadershipAct_AndTheFiltersNarrowIt()
    {
        await Risks.Methodology.EnsureApproved(app); // at least one act by someone else
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var title = $"Leadership policy {unique}";
        var owner = await app.UserId(Roles.IsmsManager);
        var control = await Db(db => db.Set<Core.Frameworks.Requirement>().Where(r => r.Code == "A.5.1").Select(r => r.Id).FirstAsync());
        (await manager.SubmitAt("/documents/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "SecurityPolicy", ["Input.Title"] = title, ["Input.OwnerId"] = owner, ["Input.ReviewIntervalMonths"] = "12", ["Input.RequirementIds"] = control.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = await Db(db => db.Set<ControlledDocument>().SingleAsync(d => d.Title == title));
        var version = await Db(db => db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == document.Id));
        (await manager.SubmitAt($"/documents/{document.Id}/versions/{version.Id}/edit", "#draft-form", new Dictionary<string, string?>
        {
            ["Input.Content"] = "# Purpose\n\nLeadership commits to the ISMS.\n", ["Input.ChangeSummary"] = "First issue",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var admin = await app.UserId(Roles.Administrator);
        var submit = await manager.Page($"/documents/{document.Id}/versions/{version.Id}/submit");
        (await manager.Submit(submit, "#submit-form", [new("Input.Quorum", "All"), new("Input.ApproverIds", admin)])).LocationPath().ShouldContain("done=submitted");
        using var administrator = await app.SignedIn(Roles.Administrator);
        (await administrator.Submit(await administrator.Page($"/documents/{document.Id}/versions/{version.Id}"), "#approve-form", new Dictionary<string, string?>()))
            .LocationPath().ShouldContain("done=in-force");

        // The approval is listed, by the administrator, linked to the version it approved.
        var viewer = await app.SignedIn(Roles.Viewer);
        var page = await viewer.Page($"/leadership?kind=DocumentApproved&user={admin}");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title));
        row.TextContent.ShouldContain("Approved a document");
        row.TextContent.ShouldContain("Ada Admin");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/documents/{document.Id}/versions/{version.Id}");

        // Another decision kind, another person or a period before it leaves it out.
        (await viewer.Page($"/leadership?kind=SoaApproved&user={admin}")).QuerySelector("main")!.TextContent.ShouldNotContain(title);
        (await viewer.Page($"/leadership?user={owner}")).QuerySelector("main")!.TextContent.ShouldNotContain(title);
        var before = (await viewer.Page("/leadership?to=2020-01-01")).QuerySelector("main")!;
        before.TextContent.ShouldNotContain(title, customMessage: before.InnerHtml);
        (await viewer.Page("/leadership?kind=MethodologyApproved")).QuerySelector("tbody")!.TextContent.ShouldContain("Approved the risk methodology");

        // Once the administrator holds the top-management role, the act counts as top management's.
        var email = AppFactory.EmailOf(Roles.Administrator);
        if (!await Db(db => db.Set<Person>().AnyAsync(p => p.UserId == admin)))
        {
            (await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = $"Ada Admin {unique}", ["Input.Email"] = email }))
                .LocationPath().ShouldBe("/people?done=added");
        }

        var person = await Db(db => db.Set<Person>().Where(p => p.UserId == admin).Select(p => p.Id).FirstAsync());
        var role = await Db(db => db.Set<IsmsRole>().Where(r => r.TopManagement && r.Name == "Top management").Select(r => r.Id).SingleAsync());
        if (!await Db(db => db.Set<RoleAssignment>().AnyAsync(a => a.PersonId == person && a.RoleId == role && a.Until == null)))
        {
            (await manager.SubmitAt($"/roles/{role}", "#assign-form", new Dictionary<string, string?> { ["AssignInput.PersonId"] = person.ToString() }))
                .LocationPath().ShouldContain("done=role-assigned");
        }

        var top = await viewer.Page($"/leadership?top=true&kind=DocumentApproved");
        top.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title)).TextContent.ShouldContain("Top management");
        top.QuerySelector("main")!.TextContent.ShouldNotContain("Nobody holds a top-management role");
        (await viewer.Page("/leadership?top=true&kind=MethodologyApproved")).QuerySelector("main")!.TextContent.ShouldNotContain("Approved the risk methodology</td>");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class LeadershipActTestsOnSqlite(SqliteApp app) : LeadershipActTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class LeadershipActTestsOnPostgreSql(PostgresApp app) : LeadershipActTests(app.App), IClassFixture<PostgresApp>;
