using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Activity;

public abstract class ActivityLogTests(AppFactory app)
{
    [Fact]
    public async Task EveryChange_IsLogged_WithWhoWhenBeforeAndAfter_AndShownAsTheRecordsHistory()
    {
        using var client = await app.SignedIn(Roles.IsmsManager);
        var created = await client.SubmitAt("/context/parties/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Shareholders", ["Input.Origin"] = "External",
        });
        var id = created.LocationPath().Split('?')[0].Split('/').Last();
        (await client.SubmitAt($"/context/parties/{id}/edit", "main form", new Dictionary<string, string?> { ["Input.Name"] = "Owners" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var entries = await app.InScope(async s => await s.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>()
            .Where(e => e.EntityId == id).OrderBy(e => e.Sequence).ToListAsync());
        entries.Count.ShouldBe(2);
        entries[0].Action.ShouldBe(ActivityActions.Created);
        entries[0].UserName.ShouldBe("ISMS manager user");
        entries[0].After!.ShouldContain("\"Name\":\"Shareholders\"");
        entries[1].Action.ShouldBe(ActivityActions.Updated);
        entries[1].Before.ShouldBe("{\"Name\":\"Shareholders\"}");
        entries[1].After.ShouldBe("{\"Name\":\"Owners\"}");

        using var auditor = await app.SignedIn(Roles.Auditor);
        var history = await auditor.Page($"/history/InterestedParty/{id}");
        var rows = history.QuerySelectorAll("table.table > tbody > tr");
        rows.Length.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Updated");
        rows[0].QuerySelector(".before")!.TextContent.ShouldBe("Shareholders");
        rows[0].QuerySelector(".after")!.TextContent.ShouldBe("Owners");
    }

    [Fact]
    public async Task EditingTheLogInTheDatabase_IsDetectedByVerification()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        (await manager.SubmitAt("/context/issues/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Origin"] = "Internal", ["Input.Title"] = "Budget cuts",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var auditor = await app.SignedIn(Roles.Auditor);
        var intact = await TestClient.Parse(await auditor.SubmitAt("/activity/verify", "main form", new Dictionary<string, string?>()));
        intact.QuerySelector("#verify-result")!.TextContent.ShouldContain("The activity log is intact");

        // Someone with database access rewrites history.
        var target = await app.InScope(async s =>
        {
            var db = s.GetRequiredService<OpenIsmsDbContext>();
            var entry = await db.Set<ActivityEntry>().OrderByDescending(e => e.Sequence).FirstAsync(e => e.EntityType == "ContextIssue");
            await db.Set<ActivityEntry>().Where(e => e.Sequence == entry.Sequence)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.UserName, "Somebody else"));
            return entry.Sequence;
        });

        var broken = await TestClient.Parse(await auditor.SubmitAt("/activity/verify", "main form", new Dictionary<string, string?>()));
        var result = broken.QuerySelector("#verify-result")!.TextContent;
        result.ShouldContain("The activity log has been altered");
        result.ShouldContain($"Entry {target}: Its content does not match its keyed hash");

        await app.InScope(async s =>
        {
            var db = s.GetRequiredService<OpenIsmsDbContext>();
            return await db.Set<ActivityEntry>().Where(e => e.Sequence == target - 1).ExecuteDeleteAsync();
        });
        var deleted = await TestClient.Parse(await auditor.SubmitAt("/activity/verify", "main form", new Dictionary<string, string?>()));
        deleted.QuerySelector("#verify-result")!.TextContent.ShouldContain($"Entry {target - 1} is missing");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class ActivityLogTestsOnSqlite(SqliteApp app) : ActivityLogTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class ActivityLogTestsOnPostgreSql(PostgresApp app) : ActivityLogTests(app.App), IClassFixture<PostgresApp>;
