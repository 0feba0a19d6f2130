using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Controls;

public abstract class ControlTests(AppFactory app)
{
    private Task<Guid> Requirement(string code) => app.InScope(async sp =>
        await sp.GetRequiredService<OpenIsmsDbContext>().Set<Requirement>().Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task AControl_ImplementsAnnexA_AndShowsTheRisksItTreats()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await app.UserId(Roles.IsmsManager);
        var accessRights = await Requirement("A.5.18");

        var empty = await manager.SubmitAt("/controls/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = "" });
        (await TestClient.Parse(empty)).QuerySelector("#f-Name")!.Closest(".field")!.TextContent.ShouldContain("Enter the control's name");

        var created = await manager.SubmitAt("/controls/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = "CT-1", ["Input.Name"] = "Quarterly access review <b>finance</b>", ["Input.OwnerId"] = owner,
            ["Input.Frequency"] = "Quarterly", ["Input.Status"] = "Operating", ["Input.RequirementIds"] = accessRights.ToString(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = created.LocationPath().Split('?')[0];

        // A risk that plans on A.5.18 is treated by this control.
        await Risks.Methodology.EnsureApproved(app);
        (await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = "CT-R1", ["Input.Title"] = "Leavers keep access", ["Input.OwnerId"] = owner, ["Input.ControlIds"] = accessRights.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await manager.Page(url);
        page.QuerySelector("h1")!.TextContent.ShouldContain("Quarterly access review <b>finance</b>");
        page.QuerySelector("main")!.TextContent.ShouldContain("A.5.18");
        page.QuerySelector("main")!.TextContent.ShouldContain("Leavers keep access");
        (await manager.Page("/controls?annex=A.5.18&q=CT-1")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);

        // A duplicate identifier is refused beside the field.
        var duplicate = await manager.SubmitAt("/controls/new", "main form", new Dictionary<string, string?> { ["Input.Reference"] = "CT-1", ["Input.Name"] = "Another" });
        (await TestClient.Parse(duplicate)).QuerySelector("#f-Reference")!.Closest(".field")!.TextContent.ShouldContain("already used");

        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/controls/new")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Page(url)).QuerySelectorAll("main form").Length.ShouldBe(0);
    }

    [Fact]
    public async Task TheStarterSet_CoversEveryAnnexAControlOnce()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var first = await manager.SubmitAt("/controls", "form:has(button.button-secondary)", new Dictionary<string, string?>());
        first.LocationPath().ShouldStartWith("/controls?created=");
        var covered = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            return await db.Set<Requirement>().CountAsync(r => r.Kind == RequirementKind.Control && db.Set<ControlRequirement>().Any(x => x.RequirementId == r.Id));
        });
        covered.ShouldBe(93);
        var again = await manager.SubmitAt("/controls", "form:has(button.button-secondary)", new Dictionary<string, string?>());
        again.LocationPath().ShouldBe("/controls?created=0");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ControlTestsOnSqlite(SqliteApp app) : ControlTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ControlTestsOnPostgreSql(PostgresApp app) : ControlTests(app.App), IClassFixture<PostgresApp>;
