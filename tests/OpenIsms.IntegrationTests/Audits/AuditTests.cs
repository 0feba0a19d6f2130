using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Audits;

/// <summary>
/// An internal audit from the programme to its report: the control's owner refused as its auditor, the plan's refusals
/// beside the fields, the audit started by its team, a minor nonconformity raised on the register from a finding, a result
/// outside the scope refused, the report signed off by the lead auditor and downloaded, the programme moved on.
/// </summary>
public abstract class AuditTests(AppFactory app)
{
    private readonly string unique = Guid.NewGuid().ToString("N")[..6];

    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static string FieldText(AngleSharp.Dom.IDocument page, string id) => page.QuerySelector($"#f-{id}")!.Closest(".field")!.TextContent;

    [Fact]
    public async Task AnAudit_RefusesTheControlOwner_RaisesItsFinding_AndIsReported()
    {
        using var managerApi = await app.ApiClient(Roles.IsmsManager);
        var today = await Db(db => db.Clock.Today().AsTask());
        var managerId = await app.UserId(Roles.IsmsManager);
        var auditorId = await app.UserId(Roles.Auditor);
        var contributorId = await app.UserId(Roles.Contributor);

        // A.5.30 applicable, implemented by a control the ISMS manager owns.
        const string code = "A.5.30";
        var soaVersion = await Db(db => db.Set<SoaEntry>().Where(e => db.SoaControls().Any(r => r.Id == e.RequirementId && r.Code == code)).Select(e => e.Version).FirstOrDefaultAsync());
        (await managerApi.PutAsJsonAsync($"/api/v1/soa/{code}", new { applicable = true, reasons = new[] { "BusinessNeed" }, version = soaVersion })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await managerApi.PostAsJsonAsync("/api/v1/controls", new
        {
            reference = $"ICT-{unique}", name = "ICT continuity drills", ownerId = managerId, type = "Preventive", frequency = "Yearly", status = "Operating", implements = new[] { code },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The programme lists the clause and the control.
        var programme = await managerApi.GetFromJsonAsync<JsonElement>($"/api/v1/audits/programme?q={code}");
        programme.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("kind").GetString().ShouldBe("Control");

        // Planning: missing fields beside each; the manager, who owns the control, refused as lead auditor, naming the control.
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var empty = await TestClient.Parse(await manager.SubmitAt("/audits/new", "#audit-form", new Dictionary<string, string?> { ["Input.Criteria"] = "" }));
        FieldText(empty, "Title").ShouldContain("Give the audit a title");
        FieldText(empty, "Criteria").ShouldContain("Say what the audit measures against");
        FieldText(empty, "PlannedStart").ShouldContain("Enter the day the audit starts.");
        FieldText(empty, "LeadAuditorId").ShouldContain("Choose the lead auditor.");
        FieldText(empty, "Items").ShouldContain("Choose what the audit covers");
        var title = $"Internal audit {unique}";
        List<KeyValuePair<string, string?>> Plan(string lead) =>
        [
            new("Input.Title", title), new("Input.PlannedStart", D(today)), new("Input.PlannedEnd", D(today.AddDays(2))), new("Input.LeadAuditorId", lead),
            new("Input.CompetenceEvidence", "ISO/IEC 27001 lead auditor course, 2025"), new("Input.Items", "Clause:9.1"), new("Input.Items", $"Control:{code}"),
        ];
        var page = await manager.Page("/audits/new");
        var partial = await TestClient.Parse(await manager.Submit(page, "#audit-form", Plan(managerId)));
        FieldText(partial, "LeadAuditorId").ShouldContain($"ISMS manager user owns a control that implements {code}");
        (await Db(db => db.Set<Audit>().CountAsync(a => a.Title == title))).ShouldBe(0);
        var planned = await manager.Submit(page, "#audit-form", Plan(auditorId));
        planned.LocationPath().ShouldContain("done=added");
        var id = await Db(db => db.Set<Audit>().Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        (await Db(db => db.Set<AuditItem>().Where(i => i.AuditId == id).OrderBy(i => i.Position).Select(i => i.Code).ToListAsync())).ShouldBe(["9.1", code]);

        // The auditor has it on My work, starts it; results are recorded item by item.
        using var auditor = await app.SignedIn(Roles.Auditor);
        (await auditor.Page("/")).QuerySelector("#audit-work")!.TextContent.ShouldContain(title);
        (await auditor.Submit(await auditor.Page($"/audits/{id}"), "#audit-step-form", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=audit-started");
        var controlItem = await Db(db => db.Set<AuditItem>().Where(i => i.AuditId == id && i.Code == code).Select(i => i.Id).SingleAsync());
        var clauseItem = await Db(db => db.Set<AuditItem>().Where(i => i.AuditId == id && i.Code == "9.1").Select(i => i.Id).SingleAsync());
        var itemPage = await auditor.Page($"/audits/{id}/items/{controlItem}");
        itemPage.QuerySelector("#prompt")!.TextContent.ShouldContain("Statement of Applicability");
        var bare = await TestClient.Parse(await auditor.Submit(itemPage, "#result-form", new Dictionary<string, string?> { ["Input.Result"] = "MinorNonconformity" }));
        FieldText(bare, "Evidence").ShouldContain("Say what was examined");
        FieldText(bare, "Notes").ShouldContain("Describe the nonconformity");
        FieldText(bare, "NonconformityOwnerId").ShouldContain("Choose who answers for the nonconformity.");
        (await auditor.Submit(itemPage, "#result-form", new Dictionary<string, string?>
        {
            ["Input.Result"] = "MinorNonconformity", ["Input.Sampled"] = "Drill records 2025–2026", ["Input.SampleSize"] = "2", ["Input.Evidence"] = "Drill plan v3; drill report March",
            ["Input.Notes"] = $"No drill since March; the plan asks for two a year {unique}.", ["Input.NonconformityOwnerId"] = contributorId,
        })).LocationPath().ShouldContain("done=result-recorded");
        var nc = await Db(db => db.Set<Nonconformity>().SingleAsync(n => n.Description.Contains(unique)));
        nc.Source.ShouldBe(NonconformitySource.AuditFinding);
        nc.Severity.ShouldBe(NonconformitySeverity.Minor);
        nc.OwnerId.ShouldBe(contributorId);
        nc.RequirementId.ShouldBe(await Db(db => db.SoaControls().Where(r => r.Code == code).Select(r => r.Id).SingleAsync()));
        (await Db(db => db.Set<AuditItem>().Where(i => i.Id == controlItem).Select(i => i.NonconformityId).SingleAsync())).ShouldBe(nc.Id);

        // Reporting with an item open is refused with the count; a result outside the scope is refused by the API.
        (await TestClient.Parse(await auditor.Submit(await auditor.Page($"/audits/{id}"), "#audit-step-form", new Dictionary<string, string?> { ["Input.Conclusion"] = "Fine." })))
            .QuerySelector("#error-summary")!.TextContent.ShouldContain("1 checklist item has no result yet");
        using var auditorApi = await app.ApiClient(Roles.Auditor);
        var outside = await auditorApi.PostAsJsonAsync($"/api/v1/audits/{id}/results", new { kind = "Clause", code = "7.5.3", result = "Conforming", evidence = "x" });
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("outside the audit's scope");
        (await auditorApi.PostAsJsonAsync($"/api/v1/audits/{id}/results", new { kind = "Clause", code = "9.1", result = "Conforming", evidence = "Programme 2026; audit reports IA-1, IA-2" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await auditorApi.PostAsJsonAsync($"/api/v1/audits/{id}/results", new { kind = "Control", code, result = "Conforming", evidence = "x" }))
            .Content.ReadAsStringAsync()).ShouldContain("its result stays a nonconformity");

        // The lead auditor signs the report off; then results are final.
        (await auditor.Submit(await auditor.Page($"/audits/{id}"), "#audit-step-form", new Dictionary<string, string?>
        {
            ["Input.Conclusion"] = $"The ISMS conforms in the audited scope except for one minor nonconformity {unique}.",
        })).LocationPath().ShouldContain("done=audit-reported");
        (await (await auditorApi.PostAsJsonAsync($"/api/v1/audits/{id}/results", new { kind = "Clause", code = "9.1", result = "Observation", evidence = "x", notes = "y" }))
            .Content.ReadAsStringAsync()).ShouldContain("checklist is final");
        var docx = await (await auditor.Get($"/audits/{id}/report.docx")).Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            var xml = await reader.ReadToEndAsync();
            xml.ShouldContain($"except for one minor nonconformity {unique}");
            xml.ShouldContain(nc.Reference);
            xml.ShouldContain("Minor nonconformities (1)");
        }

        // The programme: 9.2 audited today; A.5.30 now has a recent nonconformity, so it is due yearly.
        var rows = (await managerApi.GetFromJsonAsync<JsonElement>("/api/v1/audits/programme?pageSize=100&kind=Clause")).GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        rows.Single(r => r.GetProperty("code").GetString() == "9.1").GetProperty("lastAuditedOn").GetString().ShouldBe(D(today));
        var control = (await managerApi.GetFromJsonAsync<JsonElement>($"/api/v1/audits/programme?q={code}")).GetProperty("rows").GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("code").GetString() == code);
        control.GetProperty("priority").GetString().ShouldBe("RecentNonconformity");
        control.GetProperty("intervalYears").GetInt32().ShouldBe(1);

        // The ISMS manager closes it; the auditor may not.
        var version = await Db(db => db.Set<Audit>().Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        (await auditorApi.PostAsJsonAsync($"/api/v1/audits/{id}/transitions", new { to = "Closed", version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await managerApi.PostAsJsonAsync($"/api/v1/audits/{id}/transitions", new { to = "Closed", version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.Page($"/audits/{id}")).QuerySelector("#audit-state")!.TextContent.ShouldContain("Closed");
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class AuditTestsOnSqlite(SqliteApp app) : AuditTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class AuditTestsOnPostgreSql(PostgresApp app) : AuditTests(app.App), IClassFixture<PostgresApp>;
