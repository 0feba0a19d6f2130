using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Responsibilities;

/// <summary>
/// ISMS roles (clause 5.3) through their pages: the usual roles a new installation starts with, a role with its
/// authority and who granted it, people assigned and handed over, and a RACI matrix that refuses two Accountables.
/// </summary>
public abstract class RoleTests(AppFactory app)
{
    private static readonly string Unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private async Task<Guid> AddPerson(TestClient manager, string name, string? leaving = null)
    {
        (await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.Department"] = "Security", ["Input.LeavingDate"] = leaving, ["Input.StartDate"] = "2020-01-01",
        })).LocationPath().ShouldBe("/people?done=added");
        return await Db(db => db.Set<Person>().Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
    }

    private async Task<Guid> AddRole(TestClient manager, string name)
    {
        var added = await manager.SubmitAt("/roles/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.Responsibilities"] = "Runs the thing.", ["Input.Authorities"] = "Stops the thing.",
            ["Input.GrantedBy"] = "The board", ["Input.GrantedOn"] = "2026-01-15",
        });
        added.LocationPath().ShouldContain("done=added");
        return await Db(db => db.Set<IsmsRole>().Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task ANewInstallation_StartsWithTheUsualRoles_AndAddingThemAgainAddsNothing()
    {
        var names = await Db(db => db.Set<IsmsRole>().Select(r => r.Name).ToListAsync());
        names.ShouldContain("Top management");
        names.ShouldContain("Internal auditor");
        (await Db(db => db.Set<IsmsRole>().Where(r => r.Name == "Top management").Select(r => r.TopManagement).SingleAsync())).ShouldBeTrue();

        using var manager = await app.SignedIn(Roles.IsmsManager);
        var count = names.Count;
        var added = await app.InScope(async sp =>
        {
            sp.GetRequiredService<Web.Infrastructure.HttpCurrentUser>().ActAs(Core.Common.SystemUser.Instance);
            return await sp.GetRequiredService<AddSuggestedRoles>().Handle();
        });
        added.Value.ShouldBe(0);
        (await Db(db => db.Set<IsmsRole>().CountAsync())).ShouldBe(count);
        var page = await manager.Page("/roles");
        page.QuerySelector("#roles")!.TextContent.ShouldContain("Data protection contact");
    }

    [Fact]
    public async Task ARole_IsDefinedAssignedAndHandedOver_WithEveryStepInTheActivityLog()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var refused = await TestClient.Parse(await manager.SubmitAt("/roles/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "", ["Input.Responsibilities"] = "", ["Input.GrantedOn"] = "2999-01-01",
        }));
        refused.QuerySelector("#f-Name")!.Closest(".field")!.TextContent.ShouldContain("Enter the role's name.");
        refused.QuerySelector("#f-Responsibilities")!.Closest(".field")!.TextContent.ShouldContain("Say what the role is responsible for.");
        refused.QuerySelector("#f-GrantedOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the future");

        var name = $"Backup operator {Unique}";
        var roleId = await AddRole(manager, name);
        var twice = await TestClient.Parse(await manager.SubmitAt("/roles/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.Responsibilities"] = "x" }));
        twice.QuerySelector("#f-Name")!.Closest(".field")!.TextContent.ShouldContain("There is already a role called");

        // Two people edit the role at once: the second is told, nothing is overwritten.
        var first = await manager.Page($"/roles/{roleId}/edit");
        var second = await manager.Page($"/roles/{roleId}/edit");
        (await manager.Submit(first, "main form", new Dictionary<string, string?> { ["Input.Authorities"] = "Restores backups." })).LocationPath().ShouldContain("done=saved");
        var stale = await TestClient.Parse(await manager.Submit(second, "main form", new Dictionary<string, string?> { ["Input.Authorities"] = "Deletes backups." }));
        stale.QuerySelector("#conflict").ShouldNotBeNull();
        (await Db(db => db.Set<IsmsRole>().Where(r => r.Id == roleId).Select(r => r.Authorities).SingleAsync())).ShouldBe("Restores backups.");

        // Nobody holds it yet: the page says so. Assign Bea; a second time is refused; a leaver cannot be given it.
        var bea = await AddPerson(manager, $"Bea Backup {Unique}");
        var leaver = await AddPerson(manager, $"Lou Left {Unique}", leaving: "2021-12-31");
        var rolePage = await manager.Page($"/roles/{roleId}");
        rolePage.QuerySelector("#holders")!.TextContent.ShouldContain("Nobody holds this role today");
        (await manager.Submit(rolePage, "#assign-form", new Dictionary<string, string?> { ["AssignInput.PersonId"] = bea.ToString(), ["AssignInput.Note"] = "Appointed by letter" }))
            .LocationPath().ShouldContain("done=role-assigned");
        var again = await TestClient.Parse(await manager.Submit(rolePage, "#assign-form", new Dictionary<string, string?> { ["AssignInput.PersonId"] = bea.ToString() }));
        again.QuerySelector("#assign-form")!.TextContent.ShouldContain("already holds the role");
        var left = await TestClient.Parse(await manager.Submit(rolePage, "#assign-form", new Dictionary<string, string?> { ["AssignInput.PersonId"] = leaver.ToString() }));
        left.QuerySelector("#assign-form")!.TextContent.ShouldContain("has left the organisation");
        (await Db(db => db.Set<RoleAssignment>().CountAsync(a => a.RoleId == roleId))).ShouldBe(1);

        var roles = await manager.Page("/roles");
        roles.QuerySelector("#roles")!.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(name)).TextContent.ShouldContain($"Bea Backup {Unique}");

        // Handing over on the day it began undoes a mistake: the assignment goes (the log keeps it).
        rolePage = await manager.Page($"/roles/{roleId}");
        (await manager.Submit(rolePage, "#holders form.inline", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=saved");
        (await Db(db => db.Set<RoleAssignment>().CountAsync(a => a.RoleId == roleId))).ShouldBe(0);

        var log = await Db(db => db.Set<ActivityEntry>().Where(e => e.EntityType == "IsmsRole" && e.EntityId == roleId.ToString()).CountAsync());
        log.ShouldBe(2); // created, then edited
        (await Db(db => db.Set<ActivityEntry>().CountAsync(e => e.EntityType == "RoleAssignment" && e.After != null && e.After.Contains(bea.ToString()))))
            .ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task TheRaciMatrix_RefusesTwoAccountablesOrNone_AndShowsTheLetters()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var owner = await AddRole(manager, $"Process owner {Unique}");
        var deputy = await AddRole(manager, $"Deputy {Unique}");
        var form = await manager.Page("/roles/raci/new");
        var row = $"Access review {Unique}";

        var two = await TestClient.Parse(await manager.Submit(form, "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = row, [$"Input.Cells[{owner}]"] = "Accountable", [$"Input.Cells[{deputy}]"] = "AccountableResponsible",
        }));
        var message = two.QuerySelector("#error-summary")!.TextContent;
        message.ShouldContain($"Process owner {Unique} and Deputy {Unique} are both marked Accountable");
        var none = await TestClient.Parse(await manager.Submit(form, "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = row, [$"Input.Cells[{owner}]"] = "Responsible",
        }));
        none.QuerySelector("#error-summary")!.TextContent.ShouldContain("Mark exactly one role Accountable");
        (await Db(db => db.Set<RaciActivity>().CountAsync(a => a.Name == row))).ShouldBe(0);

        (await manager.Submit(form, "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = row, [$"Input.Cells[{owner}]"] = "Accountable", [$"Input.Cells[{deputy}]"] = "Responsible",
        })).LocationPath().ShouldBe("/roles/raci?done=saved");
        var id = await Db(db => db.Set<RaciActivity>().Where(a => a.Name == row).Select(a => a.Id).SingleAsync());

        var matrix = await manager.Page("/roles/raci");
        var cells = matrix.QuerySelector("#raci-matrix")!.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(row)).QuerySelectorAll("td");
        cells.Single(c => c.GetAttribute("data-role") == $"Process owner {Unique}").TextContent.Trim().ShouldBe("A");
        cells.Single(c => c.GetAttribute("data-role") == $"Deputy {Unique}").TextContent.Trim().ShouldBe("R");

        // Moving the A to the deputy in one save is one row, one Accountable; two open forms conflict.
        var edit = await manager.Page($"/roles/raci/{id}");
        var other = await manager.Page($"/roles/raci/{id}");
        (await manager.Submit(edit, "#raci-form", new Dictionary<string, string?>
        {
            [$"Input.Cells[{owner}]"] = "Consulted", [$"Input.Cells[{deputy}]"] = "AccountableResponsible",
        })).LocationPath().ShouldBe("/roles/raci?done=saved");
        var stale = await TestClient.Parse(await manager.Submit(other, "#raci-form", new Dictionary<string, string?> { [$"Input.Cells[{owner}]"] = "Informed" }));
        stale.QuerySelector("#conflict").ShouldNotBeNull();
        var letters = await Db(db => db.Set<RaciCell>().Where(c => c.ActivityId == id).ToDictionaryAsync(c => c.RoleId, c => c.Letter));
        letters[owner].ShouldBe(RaciLetter.Consulted);
        letters[deputy].ShouldBe(RaciLetter.AccountableResponsible);
        (await manager.Page($"/roles/{deputy}")).QuerySelector("#raci")!.TextContent.ShouldContain($"A/R · {row}");

        // Deleting a role takes its letters with it, so the row no longer has its Accountable: the facts say so.
        var facts = await app.InScope(sp => sp.GetRequiredService<GetResponsibilityFacts>().Handle());
        facts.RaciRows.ShouldBeGreaterThanOrEqualTo(1);
        facts.Unassigned.ShouldContain($"Deputy {Unique}");

        // The roles document for the register is drafted from the roles and the matrix (clause 5.3).
        var register = await manager.Page("/documents");
        register.QuerySelector("#generate")!.TextContent.ShouldContain("ISMS roles, responsibilities and authorities");
        (await manager.Submit(register, "form:has(input[value=Roles])", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=generated");
        var text = await Db(db => db.Set<Core.Documents.DocumentVersion>()
            .Where(v => db.Set<Core.Documents.ControlledDocument>().Any(d => d.Id == v.DocumentId && d.Source == Core.Documents.DocumentSource.Roles))
            .Select(v => v.Content ?? "").SingleAsync());
        text.ShouldContain($"## Deputy {Unique}");
        text.ShouldContain("**Held by** nobody at present.");
        text.ShouldContain($"| {row} |");
    }

    [Fact]
    public async Task TheApi_DefinesRolesAssignsPeopleFillsTheRaciMatrixAndRecordsCompetence_WithThePagesRules()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var role = await api.PostAsJsonAsync("/api/v1/roles", new { name = $"Api role {Unique}", responsibilities = "Answers the API." });
        role.StatusCode.ShouldBe(HttpStatusCode.Created, await role.Content.ReadAsStringAsync());
        var roleId = (await role.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync("/api/v1/roles", new { name = $"Api role {Unique}", responsibilities = "Twice." })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var person = await api.PostAsJsonAsync("/api/v1/people", new { name = $"Api Holder {Unique}", email = $"api.holder.{Unique}@example.org" });
        var personId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/v1/roles/{roleId}/assignments", new { personId })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using (var one = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/roles/{roleId}")))
        {
            one.RootElement.GetProperty("holders").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe($"Api Holder {Unique}");
        }

        var twoAccountables = await api.PostAsJsonAsync("/api/v1/raci", new
        {
            name = $"Api process {Unique}", cells = new Dictionary<string, string> { [roleId.ToString()] = "Accountable", [await TopManagement()] = "Accountable" },
        });
        twoAccountables.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twoAccountables.Content.ReadAsStringAsync()).ShouldContain("both marked Accountable");
        (await api.PostAsJsonAsync("/api/v1/raci", new
        {
            name = $"Api process {Unique}", cells = new Dictionary<string, string> { [roleId.ToString()] = "AccountableResponsible", [await TopManagement()] = "Informed" },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var raci = await api.GetFromJsonAsync<JsonElement>("/api/v1/raci");
        raci.EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"Api process {Unique}").GetProperty("cells").GetProperty($"Api role {Unique}").GetString()
            .ShouldBe("AccountableResponsible");

        var competence = await api.PostAsJsonAsync("/api/v1/competences", new { name = $"Api skill {Unique}", kind = "Skill" });
        var competenceId = (await competence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/v1/competences/roles/{roleId}", new { competenceId, level = "Working" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var future = await api.PostAsJsonAsync($"/api/v1/competences/people/{personId}/evidence", new { competenceId, kind = "TrainingRecord", description = "Course", obtainedOn = "2999-01-01" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PostAsJsonAsync($"/api/v1/competences/people/{personId}/evidence", new { competenceId, kind = "TrainingRecord", description = "Course", obtainedOn = "2024-05-01", level = "Expert" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/competences/people/{personId}");
        record.GetProperty("needs").EnumerateArray().Single().GetProperty("state").GetString().ShouldBe("Met");
    }

    private Task<string> TopManagement() => Db(async db => (await db.Set<IsmsRole>().Where(r => r.Name == "Top management").Select(r => r.Id).SingleAsync()).ToString());

    [Fact]
    public async Task ReadersSeeRoles_ButOnlyEditorsChangeThem()
    {
        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/roles")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.Get("/roles/raci")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.Get("/roles/new")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Get("/competences/matrix")).LocationPath().ShouldStartWith("/account/access-denied");
        using var contributor = await app.SignedIn(Roles.Contributor);
        (await contributor.Get("/roles/raci/new")).LocationPath().ShouldStartWith("/account/access-denied");
        (await contributor.Get("/competences/matrix")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class RoleTestsOnSqlite(SqliteApp app) : RoleTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class RoleTestsOnPostgreSql(PostgresApp app) : RoleTests(app.App), IClassFixture<PostgresApp>;
