using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Risks;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.IntegrationTests.Data;

/// <summary>
/// The one delete rule (ADR 23): what points at a deleted record goes as the pointing record declared — parts and links
/// deleted, loose references cleared, anything else refuses — and every such change is an activity-log entry.
/// </summary>
public abstract class DeletionRuleTests(AppFactory app)
{
    [Fact]
    public async Task DeletingARisk_TakesItsPartsAndLinks_KeepsTheAsset_AndEveryRemovalIsLogged()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var ownerId = await app.UserId(Roles.IsmsManager);
        var asset = await manager.SubmitAt("/assets/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Reference"] = "DEL-A1", ["Input.Name"] = "Mail server", ["Input.Type"] = "Hardware",
        });
        asset.StatusCode.ShouldBe(HttpStatusCode.Redirect, await asset.Text());
        var assetId = asset.LocationPath().Split('?')[0].Split('/')[^1];
        var requirementId = await app.InScope(async sp => (await sp.GetRequiredService<OpenIsmsDbContext>().Set<Requirement>()
            .SingleAsync(r => r.FrameworkId == "iso27001-2022" && r.Code == "A.8.7")).Id.ToString());

        var created = await manager.Submit(await manager.Page("/risks/new"), "main form", new List<KeyValuePair<string, string?>>
        {
            new("Input.Title", "Mail server infected"), new("Input.OwnerId", ownerId),
            new("Input.AssetIds", assetId), new("Input.ControlIds", requirementId),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Text());
        var riskUrl = created.LocationPath().Split('?')[0];
        var riskId = Guid.Parse(riskUrl.Split('/')[^1]);
        var page = await manager.Page(riskUrl);
        (await manager.Submit(page, ".assess-form", RiskFlowTests.Rating(3, [2, 3, 2, 2, 2], 2, [1, 2, 1, 1, 1]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await manager.Page(riskUrl);
        (await manager.Submit(page, "#treatment form", new Dictionary<string, string?> { ["Input.Treatment"] = "Mitigate", ["Input.TreatmentRationale"] = "Cheap to fix." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await manager.Page(riskUrl);
        (await manager.Submit(page, "#actions form", new Dictionary<string, string?> { ["Input.Title"] = "Patch the mail server", ["Input.OwnerId"] = ownerId, ["Input.Due"] = "2027-03-31" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await manager.Page(riskUrl);
        (await manager.Submit(page, "#acceptance form", new Dictionary<string, string?> { ["Input.AcceptanceNote"] = "Agreed." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Parts(riskId)).ShouldBe(new Dictionary<string, int> { ["RiskAssessment"] = 1, ["RiskAcceptance"] = 1, ["TreatmentAction"] = 1, ["RiskAsset"] = 1, ["RiskControl"] = 1 });

        page = await manager.Page(riskUrl);
        var deleted = await manager.Submit(page, "form:has(button[name=DeleteRiskTarget])", new Dictionary<string, string?>
        {
            ["DeleteRiskTarget"] = page.QuerySelector("button[name=DeleteRiskTarget]")!.GetAttribute("value"),
        });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await deleted.Text());

        (await Parts(riskId)).Values.Sum().ShouldBe(0);
        (await manager.Page($"/assets/{assetId}")).QuerySelector("h1")!.TextContent.ShouldContain("DEL-A1");
        var logged = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>()
            .Where(e => e.Action == ActivityActions.Deleted).Select(e => e.EntityType).ToListAsync());
        foreach (var kind in new[] { "Risk", "RiskAssessment", "RiskAcceptance", "TreatmentAction", "RiskAsset", "RiskControl" })
        {
            logged.ShouldContain(kind);
        }

        var report = await app.InScope(async sp =>
        {
            sp.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
            return (await sp.GetRequiredService<VerifyActivityChain>().Handle())!;
        });
        report.Problems.Select(p => $"{p.Where}: {p.Reason}").ShouldBeEmpty();
    }

    [Fact]
    public async Task ARecordThatDeclaresNoRule_RefusesTheDeletionOfWhatItPointsAt_AndNothingIsRemoved()
    {
        await Methodology.EnsureApproved(app);
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var ownerId = await app.UserId(Roles.IsmsManager);
        (await manager.Submit(await manager.Page("/risks/catalogues"), "form:has(input[name=_handler][value=starters])", new Dictionary<string, string?>()))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var threatId = await app.InScope(async sp => (await sp.GetRequiredService<OpenIsmsDbContext>().Set<Threat>().OrderBy(t => t.Name).FirstAsync()).Id);
        (await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Named threat", ["Input.OwnerId"] = ownerId, ["Input.ThreatId"] = threatId.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A risk names the threat and declares no rule for it: the rule itself refuses, before any use case's own check.
        var refusal = await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenIsmsDbContext>();
            var result = await db.RemoveWithDependents(await db.Set<Threat>().SingleAsync(t => t.Id == threatId));
            db.ChangeTracker.Entries().Count(e => e.State == EntityState.Deleted).ShouldBe(0);
            return result;
        });
        refusal.ShouldNotBeNull();
        refusal.Errors.Single().Message.ShouldContain("1 other record(s) (Risk) still refer to this one");
        (await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<Threat>().AnyAsync(t => t.Id == threatId))).ShouldBeTrue();
    }

    private Task<Dictionary<string, int>> Parts(Guid riskId) => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<OpenIsmsDbContext>();
        return new Dictionary<string, int>
        {
            ["RiskAssessment"] = await db.Set<RiskAssessment>().CountAsync(x => x.RiskId == riskId),
            ["RiskAcceptance"] = await db.Set<RiskAcceptance>().CountAsync(x => x.RiskId == riskId),
            ["TreatmentAction"] = await db.Set<TreatmentAction>().CountAsync(x => x.RiskId == riskId),
            ["RiskAsset"] = await db.Set<RiskAsset>().CountAsync(x => x.RiskId == riskId),
            ["RiskControl"] = await db.Set<RiskControl>().CountAsync(x => x.RiskId == riskId),
        };
    });
}

[Collection(SharedHosts.Sqlite)]
public sealed class DeletionRuleTestsOnSqlite(SqliteApp app) : DeletionRuleTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class DeletionRuleTestsOnPostgreSql(PostgresApp app) : DeletionRuleTests(app.App), IClassFixture<PostgresApp>;
