using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Competences;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Competences;

/// <summary>
/// Competence (clause 7.2) through the pages: a role needs a certification and a skill; its holder shows as a gap in the
/// matrix until evidence is recorded; expiring and expired certificates, levels, planned actions, and files checked as
/// evidence files are.
/// </summary>
public abstract class CompetenceTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private async Task<Guid> AddCompetence(TestClient manager, string name, CompetenceKind kind)
    {
        (await manager.SubmitAt("/competences/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.Kind"] = kind.ToString() }))
            .LocationPath().ShouldContain("done=added");
        return await Db(db => db.Set<Competence>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
    }

    /// <summary>A role needing a certification and a skill at Expert level, held by a new person in its own department.</summary>
    private async Task<(Guid Role, Guid Person, Guid Cert, Guid Skill, string Department)> RoleWithHolder(TestClient manager)
    {
        var department = $"Audit {unique}";
        (await manager.SubmitAt("/roles/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = $"Lead auditor {unique}", ["Input.Responsibilities"] = "Leads audits." }))
            .LocationPath().ShouldContain("done=added");
        var role = await Db(db => db.Set<IsmsRole>().Where(r => r.Name == $"Lead auditor {unique}").Select(r => r.Id).SingleAsync());
        var cert = await AddCompetence(manager, $"ISO 27001 Lead Auditor {unique}", CompetenceKind.Certification);
        var skill = await AddCompetence(manager, $"Interviewing {unique}", CompetenceKind.Skill);
        var rolePage = await manager.Page($"/roles/{role}");
        (await manager.Submit(rolePage, "#require-form", new Dictionary<string, string?> { ["RequireInput.CompetenceId"] = cert.ToString() })).LocationPath().ShouldContain("done=saved");
        (await manager.Submit(rolePage, "#require-form", new Dictionary<string, string?> { ["RequireInput.CompetenceId"] = skill.ToString(), ["RequireInput.Level"] = "Expert" }))
            .LocationPath().ShouldContain("done=saved");
        (await manager.SubmitAt("/people/new", "main form", new Dictionary<string, string?> { ["Input.Name"] = $"Ada Auditor {unique}", ["Input.Department"] = department }))
            .LocationPath().ShouldBe("/people?done=added");
        var person = await Db(db => db.Set<Person>().Where(p => p.Name == $"Ada Auditor {unique}").Select(p => p.Id).SingleAsync());
        (await manager.Submit(rolePage, "#assign-form", new Dictionary<string, string?> { ["AssignInput.PersonId"] = person.ToString() })).LocationPath().ShouldContain("done=role-assigned");
        return (role, person, cert, skill, department);
    }

    private async Task<Dictionary<string, string>> States(TestClient client, Guid person)
    {
        var page = await client.Page($"/competences/people/{person}");
        return page.QuerySelectorAll("#need-table tbody tr").ToDictionary(r => r.GetAttribute("data-competence")!, r => r.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    private static Dictionary<string, string?> Evidence(Guid competence, string kind, string obtained, string? expires = null, string? level = null) => new()
    {
        ["EvidenceInput.CompetenceId"] = competence.ToString(), ["EvidenceInput.Kind"] = kind, ["EvidenceInput.Description"] = "Record",
        ["EvidenceInput.ObtainedOn"] = obtained, ["EvidenceInput.ExpiresOn"] = expires, ["EvidenceInput.Level"] = level,
    };

    [Fact]
    public async Task ARoleNeedingACertification_ShowsItsHolderAsAGap_UntilTheCertificateIsRecorded()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var (role, person, cert, skill, department) = await RoleWithHolder(manager);
        var certName = $"ISO 27001 Lead Auditor {unique}";
        var skillName = $"Interviewing {unique}";

        var matrix = await manager.Page($"/competences/matrix?department={Uri.EscapeDataString(department)}");
        var row = matrix.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains($"Ada Auditor {unique}"));
        row.TextContent.ShouldContain("Gap");
        (await States(manager, person)).ShouldBe(new Dictionary<string, string> { [certName] = "Gap", [skillName] = "Gap" }, ignoreOrder: true);

        var page = await manager.Page($"/competences/people/{person}");
        var today = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Clock.Today());

        // A certificate without its expiry date is asked about; one dated tomorrow is refused; neither is kept.
        var noExpiry = await TestClient.Parse(await manager.Submit(page, "#evidence-form", Evidence(cert, "Certificate", today.AddDays(-10).ToString("yyyy-MM-dd"))));
        noExpiry.QuerySelector("#f-ExpiresOn")!.Closest(".field")!.TextContent.ShouldContain("tick \"does not expire\"");
        var future = await TestClient.Parse(await manager.Submit(page, "#evidence-form", Evidence(cert, "Certificate", today.AddDays(1).ToString("yyyy-MM-dd"), today.AddYears(3).ToString("yyyy-MM-dd"))));
        future.QuerySelector("#f-ObtainedOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the future");

        // A page of HTML named as a PDF is refused beside the file field, like any evidence file.
        var hostile = await TestClient.Parse(await manager.SubmitFile(page, "#evidence-form",
            Evidence(cert, "Certificate", today.AddDays(-10).ToString("yyyy-MM-dd"), today.AddYears(3).ToString("yyyy-MM-dd")),
            "EvidenceFile", "certificate.pdf", new MemoryStream("<html><script>alert(1)</script></html>"u8.ToArray())));
        hostile.QuerySelector("#f-File")!.Closest(".field")!.QuerySelector(".error-message")!.TextContent.ShouldContain("content is not a PDF file");
        (await Db(db => db.Set<CompetenceEvidence>().CountAsync(e => e.PersonId == person))).ShouldBe(0);

        // The real certificate, with its scan: the certification need is met; the file downloads as stored.
        var scan = HostileFiles.Pdf();
        (await manager.SubmitFile(page, "#evidence-form",
            Evidence(cert, "Certificate", today.AddDays(-10).ToString("yyyy-MM-dd"), today.AddYears(3).ToString("yyyy-MM-dd")),
            "EvidenceFile", "certificate.pdf", new MemoryStream(scan))).LocationPath().ShouldContain("done=added");
        var states = await States(manager, person);
        states[certName].ShouldStartWith("Met, valid until");
        states[skillName].ShouldBe("Gap");
        var evidence = await Db(db => db.Set<CompetenceEvidence>().SingleAsync(e => e.PersonId == person));
        evidence.FileSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan)));
        var download = await manager.Get($"/competences/evidence/{evidence.Id}/file");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(scan);

        // The skill at Working level does not meet an Expert need; a planned action makes the gap "planned".
        page = await manager.Page($"/competences/people/{person}");
        (await manager.Submit(page, "#evidence-form", Evidence(skill, "ExperienceStatement", today.AddYears(-2).ToString("yyyy-MM-dd"), level: "Working")))
            .LocationPath().ShouldContain("done=added");
        (await States(manager, person))[skillName].ShouldBe("Gap");
        page = await manager.Page($"/competences/people/{person}");
        var past = await TestClient.Parse(await manager.Submit(page, "#action-form", new Dictionary<string, string?>
        {
            ["ActionInput.ActionCompetenceId"] = skill.ToString(), ["ActionInput.ActionKind"] = "Mentoring", ["ActionInput.What"] = "Shadow two audits",
            ["ActionInput.DueOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        }));
        past.QuerySelector("#f-DueOn")!.Closest(".field")!.TextContent.ShouldContain("cannot be in the past");
        (await manager.Submit(page, "#action-form", new Dictionary<string, string?>
        {
            ["ActionInput.ActionCompetenceId"] = skill.ToString(), ["ActionInput.ActionKind"] = "Mentoring", ["ActionInput.What"] = "Shadow two audits",
            ["ActionInput.DueOn"] = today.AddDays(60).ToString("yyyy-MM-dd"), ["ActionInput.OwnerId"] = await app.UserId(Roles.IsmsManager),
        })).LocationPath().ShouldContain("done=added");
        (await States(manager, person))[skillName].ShouldBe("Gap, action planned");

        // My work lists the action for whoever sees it through.
        var home = await manager.Page("/");
        home.QuerySelector("#competence-work")!.TextContent.ShouldContain($"Ada Auditor {unique}");

        // Done needs what was done; then the Expert evidence closes the gap for good.
        page = await manager.Page($"/competences/people/{person}");
        var vague = await TestClient.Parse(await manager.Submit(page, "#actions form.close-action", new Dictionary<string, string?> { ["CloseInput.Status"] = "Done" }));
        vague.QuerySelector("#error-summary")!.TextContent.ShouldContain("Say what was done");
        (await manager.Submit(page, "#actions form.close-action", new Dictionary<string, string?> { ["CloseInput.Status"] = "Done", ["CloseInput.Outcome"] = "Shadowed the March and May audits" }))
            .LocationPath().ShouldContain("done=saved");
        (await States(manager, person))[skillName].ShouldBe("Gap");
        page = await manager.Page($"/competences/people/{person}");
        (await manager.Submit(page, "#evidence-form", Evidence(skill, "ExperienceStatement", today.ToString("yyyy-MM-dd"), level: "Expert")))
            .LocationPath().ShouldContain("done=added");
        (await States(manager, person))[skillName].ShouldBe("Met");

        matrix = await manager.Page($"/competences/matrix?department={Uri.EscapeDataString(department)}&gaps=true");
        matrix.QuerySelectorAll("tbody tr").Any(r => r.TextContent.Contains($"Ada Auditor {unique}")).ShouldBeFalse();
        matrix = await manager.Page($"/competences/matrix?role={role}");
        matrix.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains($"Ada Auditor {unique}")).QuerySelectorAll(".need-met").Length.ShouldBe(2);
    }

    [Fact]
    public async Task ACertificateAboutToLapse_IsExpiring_AndALapsedOne_IsAGapAgain()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var (_, person, cert, _, _) = await RoleWithHolder(manager);
        var certName = $"ISO 27001 Lead Auditor {unique}";
        var today = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Clock.Today());
        var page = await manager.Page($"/competences/people/{person}");
        (await manager.Submit(page, "#evidence-form", Evidence(cert, "Certificate", today.AddYears(-3).ToString("yyyy-MM-dd"), today.AddDays(-1).ToString("yyyy-MM-dd"))))
            .LocationPath().ShouldContain("done=added");
        (await States(manager, person))[certName].ShouldStartWith("Gap: expired");
        page = await manager.Page($"/competences/people/{person}");
        (await manager.Submit(page, "#evidence-form", Evidence(cert, "Certificate", today.AddDays(-1).ToString("yyyy-MM-dd"), today.AddDays(30).ToString("yyyy-MM-dd"))))
            .LocationPath().ShouldContain("done=added");
        (await States(manager, person))[certName].ShouldStartWith("Met, expires");

        var totals = await app.InScope(sp => sp.GetRequiredService<GetCompetenceMatrix>().Handle(new CompetenceFilter { Search = $"Ada Auditor {unique}" }));
        var cell = totals.Rows.Items.Single().Cells[cert];
        cell.State.ShouldBe(NeedState.Expiring);
        totals.Totals.Expiring.ShouldBeGreaterThanOrEqualTo(1);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class CompetenceTestsOnSqlite(SqliteApp app) : CompetenceTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class CompetenceTestsOnPostgreSql(PostgresApp app) : CompetenceTests(app.App), IClassFixture<PostgresApp>;
