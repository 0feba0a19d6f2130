using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Nonconformities;

/// <summary>
/// A nonconformity taken through its whole cycle on the pages — raised with its refusals beside the fields, corrected,
/// its root cause found by five whys, actions planned and done, checked and closed — with each step refused out of
/// order, a recurrence flagged, the steps on My work, the register filtered and exported, and the API's transitions.
/// </summary>
public abstract class NonconformityTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static string FieldText(AngleSharp.Dom.IDocument page, string id) => page.QuerySelector($"#f-{id}")!.Closest(".field")!.TextContent;

    [Fact]
    public async Task ANonconformity_IsCorrected_ItsCauseFound_ActionsDone_CheckedEffective_AndClosed()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var today = await Db(db => db.Clock.Today().AsTask());
        var contributorId = await app.UserId(Roles.Contributor);
        var backup = await Db(db => db.Catalogue(NonconformityRequirements.Framework).Where(r => r.Code == "A.8.13").Select(r => r.Id).SingleAsync());

        // Nothing filled in, a date in the future and a risk that does not exist: each refused beside its field, nothing raised.
        var empty = await TestClient.Parse(await manager.SubmitAt("/nonconformities/new", "#nonconformity-form", new Dictionary<string, string?>
        {
            ["Input.RaisedOn"] = D(today.AddDays(1)), ["Input.RiskReference"] = "R-NOPE",
        }));
        FieldText(empty, "Title").ShouldContain("Give the nonconformity a short title.");
        FieldText(empty, "Description").ShouldContain("Say what was found");
        FieldText(empty, "RequirementId").ShouldContain("Choose the clause or control not met");
        FieldText(empty, "OwnerId").ShouldContain("Choose who answers for it.");
        FieldText(empty, "RaisedOn").ShouldContain("cannot be in the future");
        FieldText(empty, "RiskReference").ShouldContain("No risk has the reference R-NOPE");
        (await Db(db => db.Set<Nonconformity>().CountAsync(n => n.Title.Contains(unique)))).ShouldBe(0);

        // Raised against control 8.13, minor, from an internal audit, answered for by the contributor.
        var title = $"Restores not tested {unique}";
        var raised = await manager.SubmitAt("/nonconformities/new", "#nonconformity-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = title, ["Input.Description"] = "3 of 12 sampled backup jobs had no restore test.", ["Input.Severity"] = "Minor",
            ["Input.Source"] = "ExternalAudit", ["Input.RequirementId"] = backup.ToString(), ["Input.Process"] = $"IT operations {unique}",
            ["Input.OwnerId"] = contributorId, ["Input.RaisedOn"] = D(today),
        });
        raised.LocationPath().ShouldContain("done=added");
        var id = await Db(db => db.Set<Nonconformity>().Where(n => n.Title == title).Select(n => n.Id).SingleAsync());
        var reference = await Db(db => db.Set<Nonconformity>().Where(n => n.Id == id).Select(n => n.Reference).SingleAsync());
        reference.ShouldStartWith("NC-");

        // The contributor has it on My work, waiting for the correction; an attempt to close it now is refused with the reason.
        using var contributor = await app.SignedIn(Roles.Contributor);
        (await contributor.Page("/")).QuerySelector("#nonconformity-work")!.TextContent.ShouldContain("record the correction");
        async Task<AngleSharp.Dom.IDocument> Step(TestClient who, Dictionary<string, string?> values) =>
            await TestClient.Parse(await who.Submit(await who.Page($"/nonconformities/{id}"), "#step-form", values));
        (await Step(contributor, new() { ["Step.To"] = "Closed", ["Step.Text"] = "fine" })).QuerySelector("#error-summary")!.TextContent
            .ShouldContain("Only an effectiveness check closes a nonconformity");

        // Correction: needed, and dated between the day it was found and today.
        FieldText(await Step(contributor, new() { ["Step.On"] = D(today) }), "Text").ShouldContain("Say what was done at once");
        (await contributor.Submit(await contributor.Page($"/nonconformities/{id}"), "#step-form", new Dictionary<string, string?>
        {
            ["Step.Text"] = "Restored the three jobs' last backups to a test server.", ["Step.On"] = D(today),
        })).LocationPath().ShouldContain("done=step");

        // Root cause: one "why" is not an analysis; two and a root cause are.
        var shallow = await Step(contributor, new() { ["Step.Method"] = "FiveWhys", ["Step.Why1"] = "Nobody ran them", ["Step.RootCause"] = "x" });
        FieldText(shallow, "Why1").ShouldContain("Answer \"why?\" at least twice");
        await Step(contributor, new()
        {
            ["Step.Method"] = "FiveWhys", ["Step.Why1"] = "Nobody ran the restore tests", ["Step.Why2"] = "They are not in anyone's calendar",
            ["Step.RootCause"] = "Restore testing has no owner and no schedule.",
        });

        // The plan: refused without an action; an action due in two weeks; a check before it is due is refused.
        (await Step(contributor, new() { ["Step.EffectivenessDueOn"] = D(today.AddMonths(1)) })).QuerySelector("#error-summary")!.TextContent.ShouldContain("Add at least one corrective action first");
        var page = await contributor.Page($"/nonconformities/{id}");
        var noOwner = await TestClient.Parse(await contributor.Submit(page, "#action-form", new Dictionary<string, string?> { ["NewAction.Title"] = "Schedule quarterly restore tests", ["NewAction.OwnerId"] = "" }));
        FieldText(noOwner, "OwnerId").ShouldContain("Choose who does it.");
        (await contributor.Submit(page, "#action-form", new Dictionary<string, string?>
        {
            ["NewAction.Title"] = "Schedule quarterly restore tests with an owner", ["NewAction.OwnerId"] = contributorId, ["NewAction.DueOn"] = D(today.AddDays(14)),
            ["NewAction.Resources"] = "Half a day a quarter",
        })).LocationPath().ShouldContain("done=added");
        FieldText(await Step(contributor, new() { ["Step.EffectivenessDueOn"] = D(today.AddDays(7)) }), "EffectivenessDueOn").ShouldContain("after the last action is due");
        await Step(contributor, new() { ["Step.EffectivenessDueOn"] = D(today.AddMonths(1)) });
        (await Db(db => db.Set<Nonconformity>().Where(n => n.Id == id).Select(n => n.State).SingleAsync())).ShouldBe(NonconformityState.ActionsPlanned);

        // The action is on the contributor's My work; implemented is refused while it is open; done with its outcome; implemented.
        (await contributor.Page("/")).QuerySelector("#nonconformity-work")!.TextContent.ShouldContain("Schedule quarterly restore tests");
        (await Step(contributor, new())).QuerySelector("#error-summary")!.TextContent.ShouldContain("still open");
        var actionId = await Db(db => db.Set<CorrectiveAction>().Where(a => a.NonconformityId == id).Select(a => a.Id).SingleAsync());
        page = await contributor.Page($"/nonconformities/{id}");
        (await TestClient.Parse(await contributor.Submit(page, $"#finish-{actionId}", new Dictionary<string, string?> { ["FinishDone"] = "true", ["Outcome"] = "" })))
            .QuerySelector($"#outcome-error-{actionId}")!.TextContent.ShouldContain("Say what was done");
        (await contributor.Submit(page, $"#finish-{actionId}", new Dictionary<string, string?> { ["FinishDone"] = "true", ["Outcome"] = "In the ops calendar; owner named." }))
            .LocationPath().ShouldContain("done=step");
        await Step(contributor, new());

        // The contributor may not check effectiveness: the page says who does, and the API refuses.
        var waiting = await contributor.Page($"/nonconformities/{id}");
        waiting.QuerySelector("#step-form").ShouldBeNull();
        waiting.QuerySelector("#next-step")!.TextContent.ShouldContain("An ISMS manager records the effectiveness check.");
        using var contributorApi = await app.ApiClient(Roles.Contributor);
        var version = await Db(db => db.Set<Nonconformity>().Where(n => n.Id == id).Select(n => n.Version).SingleAsync());
        (await contributorApi.PostAsJsonAsync($"/api/v1/nonconformities/{id}/transitions", new { to = "Closed", text = "ok", on = today, version }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The manager closes it with what the check found; the check's findings are needed.
        var checkPage = await manager.Page($"/nonconformities/{id}");
        FieldText(await TestClient.Parse(await manager.Submit(checkPage, "#step-form", new Dictionary<string, string?> { ["Step.To"] = "Closed", ["Step.On"] = D(today) })), "Text")
            .ShouldContain("Say what shows the actions worked");
        (await manager.Submit(checkPage, "#step-form", new Dictionary<string, string?>
        {
            ["Step.To"] = "Closed", ["Step.Text"] = "Two quarterly restore tests ran and passed; no job without a test.", ["Step.On"] = D(today),
        })).LocationPath().ShouldContain("done=nc-closed");
        var closed = await manager.Page($"/nonconformities/{id}");
        closed.QuerySelector("#state")!.TextContent.ShouldContain("Closed");
        closed.QuerySelector("#step-form").ShouldBeNull();
        closed.QuerySelector("#steps")!.TextContent.ShouldContain("Checked: effective — closed");
        (await Db(db => db.Set<NonconformityStep>().Where(s => s.NonconformityId == id).OrderBy(s => s.CreatedAt).Select(s => s.ToState).ToListAsync()))
            .ShouldBe([NonconformityState.Raised, NonconformityState.Corrected, NonconformityState.CauseFound, NonconformityState.ActionsPlanned, NonconformityState.Implemented, NonconformityState.Closed]);
        var stepIds = (await Db(db => db.Set<NonconformityStep>().Where(s => s.NonconformityId == id).Select(s => s.Id).ToListAsync())).Select(s => s.ToString()).ToList();
        var logged = await Db(db => db.Set<ActivityEntry>().Where(e => e.EntityType == "NonconformityStep" && stepIds.Contains(e.EntityId)).Select(e => e.UserName).ToListAsync());
        logged.Count(n => n == "Contributor user").ShouldBe(4);
        logged.Count(n => n == "ISMS manager user").ShouldBe(2);

        // Another against the same control within the period is a recurrence, linked both ways.
        (await manager.SubmitAt("/nonconformities/new", "#nonconformity-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = $"Restore test skipped again {unique}", ["Input.Description"] = "Q3 restore test not run.", ["Input.Severity"] = "Major",
            ["Input.Source"] = "Direct", ["Input.RequirementId"] = backup.ToString(), ["Input.OwnerId"] = contributorId, ["Input.RaisedOn"] = D(today),
        })).LocationPath().ShouldContain("done=added");
        var again = await Db(db => db.Set<Nonconformity>().Where(n => n.Title == $"Restore test skipped again {unique}").SingleAsync());
        again.RecurrenceOfId.ShouldBe(id);
        (await manager.Page($"/nonconformities/{again.Id}")).QuerySelector("#recurrence")!.TextContent.ShouldContain(reference);
        (await manager.Page($"/nonconformities/{id}")).QuerySelector("main")!.TextContent.ShouldContain("Recurred as");

        // The register: open ones by default, closed on request, filtered by severity; the export carries the root cause.
        var register = await manager.Page($"/nonconformities?q={unique}");
        register.QuerySelector("table")!.TextContent.ShouldContain(again.Reference);
        register.QuerySelector("table")!.TextContent.ShouldNotContain(title);
        (await manager.Page($"/nonconformities?q={unique}&closed=true&severity=Minor")).QuerySelector("table")!.TextContent.ShouldContain(title);
        var csv = await (await manager.Get($"/nonconformities/export.csv?q={unique}&closed=true")).Content.ReadAsStringAsync();
        csv.ShouldContain("Restore testing has no owner and no schedule.");
        csv.ShouldContain($"Recurrence of");
    }

    [Fact]
    public async Task TheApi_RefusesStepsOutOfOrder_WithTheReason_AndANotEffectiveCheckReopensIt()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var today = await Db(db => db.Clock.Today().AsTask());
        var owner = await app.UserId(Roles.IsmsManager);
        var created = await api.PostAsJsonAsync("/api/v1/nonconformities", new
        {
            title = $"Leaver kept access {unique}", description = "An account of a leaver was active 40 days after leaving.", requirementText = "Joiners-movers-leavers procedure",
            severity = "Major", source = "Incident", sourceReference = "INC-2041", ownerId = owner, raisedOn = today,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task<HttpResponseMessage> Move(object body) => await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/transitions", body);
        async Task<int> Version() => await Db(db => db.Set<Nonconformity>().Where(n => n.Id == id).Select(n => n.Version).SingleAsync());

        var early = await Move(new { to = "Closed", text = "looks fine", on = today, version = await Version() });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).ShouldContain("Only an effectiveness check closes a nonconformity");
        var skip = await Move(new { to = "ActionsPlanned", effectivenessDueOn = today.AddDays(30), version = await Version() });
        (await skip.Content.ReadAsStringAsync()).ShouldContain("record the correction");
        var stale = await Move(new { to = "Corrected", text = "Account closed.", on = today, version = await Version() - 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await Move(new { to = "Corrected", text = "Account closed.", on = today, version = await Version() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Move(new { to = "CauseFound", method = "FreeAnalysis", text = "HR's leaver list reaches IT by post.", rootCause = "Leavers are not notified to IT.", version = await Version() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var action = await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/actions", new { title = "HR system triggers the leaver ticket", ownerId = owner, dueOn = today });
        action.StatusCode.ShouldBe(HttpStatusCode.Created);
        var actionId = (await action.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Move(new { to = "ActionsPlanned", effectivenessDueOn = today, version = await Version() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/actions/{actionId}/finish", new { done = true, outcome = "Live since Monday", version = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Move(new { to = "Implemented", version = await Version() })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Adding an action after implementation is refused; a check that finds it not effective reopens it for round 2.
        var late = await api.PostAsJsonAsync($"/api/v1/nonconformities/{id}/actions", new { title = "More", ownerId = owner, dueOn = today });
        (await late.Content.ReadAsStringAsync()).ShouldContain("no more can be added");
        (await Move(new { to = "Reopened", text = "Another leaver kept access in the sample.", on = today, version = await Version() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/nonconformities/{id}");
        read.GetProperty("state").GetString().ShouldBe("Reopened");
        read.GetProperty("round").GetInt32().ShouldBe(2);
        read.GetProperty("steps").GetArrayLength().ShouldBe(6);
        read.GetProperty("next").GetString()!.ShouldContain("again");

        // The register through the API, and a viewer may read but not raise.
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/nonconformities?q={unique}&severity=Major");
        list.GetProperty("items").EnumerateArray().Single().GetProperty("state").GetString().ShouldBe("Reopened");
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.PostAsJsonAsync("/api/v1/nonconformities", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/api/v1/nonconformities/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnImprovement_IsRecorded_Decided_AndItsOutcomeKept()
    {
        using var contributor = await app.SignedIn(Roles.Contributor);
        var refused = await TestClient.Parse(await contributor.SubmitAt("/improvements/new", "#improvement-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = $"Automate access reviews {unique}", ["Input.Status"] = "Done",
        }));
        FieldText(refused, "OwnerId").ShouldContain("Choose who carries it out");
        FieldText(refused, "Outcome").ShouldContain("Say what came of it");
        (await contributor.SubmitAt("/improvements/new", "#improvement-form", new Dictionary<string, string?>
        {
            ["Input.Title"] = $"Automate access reviews {unique}", ["Input.Source"] = "InternalAudit", ["Input.SourceReference"] = "IA-2026-02 OFI 3",
        })).LocationPath().ShouldContain("done=added");
        var id = await Db(db => db.Set<OpenIsms.Core.Improvements.Improvement>().Where(i => i.Title == $"Automate access reviews {unique}").Select(i => i.Id).SingleAsync());
        var page = await contributor.Page($"/improvements/{id}");
        (await contributor.Submit(page, "#improvement-form", new Dictionary<string, string?>
        {
            ["Input.Status"] = "Done", ["Input.OwnerId"] = await app.UserId(Roles.Contributor), ["Input.Outcome"] = "Reviews now run from the identity provider.",
        })).LocationPath().ShouldContain("done=saved");
        (await contributor.Page($"/improvements?q={unique}")).QuerySelector("main")!.TextContent.ShouldNotContain("Automate access reviews");
        (await contributor.Page($"/improvements?q={unique}&closed=true")).QuerySelector("table")!.TextContent.ShouldContain("Reviews now run from the identity provider.");
        using var viewer = await app.SignedIn(Roles.Viewer);
        var read = await viewer.Page($"/improvements/{id}");
        read.QuerySelector("#improvement-form").ShouldBeNull();
        read.QuerySelector("main")!.TextContent.ShouldContain("Reviews now run from the identity provider.");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class NonconformityTestsOnSqlite(SqliteApp app) : NonconformityTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class NonconformityTestsOnPostgreSql(PostgresApp app) : NonconformityTests(app.App), IClassFixture<PostgresApp>;
