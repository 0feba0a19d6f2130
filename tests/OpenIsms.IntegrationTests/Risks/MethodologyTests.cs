using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;

namespace OpenIsms.IntegrationTests.Risks;

/// <summary>The versioned methodology through its pages: edit the draft, approve (frozen), a new version, re-rating risks.</summary>
[Collection(SharedHosts.Sqlite)]
public sealed class MethodologyTests(SqliteApp shared) : IClassFixture<SqliteApp>
{
    private readonly AppFactory app = shared.App;

    [Fact]
    public async Task EditApproveVersionAndRemap()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var draft = await manager.Page("/risks/methodology");
        draft.QuerySelector(".page-head")!.TextContent.ShouldContain("Draft");
        draft.QuerySelectorAll(".matrix tbody tr").Length.ShouldBe(5);

        // A level without a name is refused beside the levels, and nothing is saved.
        var edit = await manager.Page("/risks/methodology/edit");
        var names = edit.QuerySelectorAll("input[name='Input.LevelNames']").Select(i => i.GetAttribute("value")).ToList();
        var fields = Fields(edit, ["Input.LevelNames"]);
        fields.AddRange(names.Select((n, i) => new KeyValuePair<string, string?>("Input.LevelNames", i == 2 ? "" : n)));
        fields.Add(new("Input.Action", "save"));
        var refused = await manager.Submit(edit, "main form", fields);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Text()).ShouldContain("Every risk level needs a name");

        // Approve version 1; it is frozen.
        draft = await manager.Page("/risks/methodology");
        (await manager.Submit(draft, "form.approve-bar", new Dictionary<string, string?>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Page("/risks/methodology")).QuerySelector(".page-head")!.TextContent.ShouldContain("Approved");
        (await manager.Page("/risks/methodology/edit")).QuerySelector("#no-draft").ShouldNotBeNull("an approved version is frozen");

        // A risk rated under version 1.
        var owner = await app.UserId(Roles.IsmsManager);
        var created = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Title"] = "Flood in the basement", ["Input.OwnerId"] = owner });
        var riskUrl = created.LocationPath().Split('?')[0];
        (await manager.Submit(await manager.Page(riskUrl), ".assess-form", RiskFlowTests.Rating(5, [5, 4, 4, 4, 4], 3, [2, 2, 2, 2, 2]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Version 2: a 3 × 3 matrix with single impact, drawn then saved and approved.
        (await manager.Submit(await manager.Page("/risks/methodology"), "form.approve-bar", new Dictionary<string, string?>())).LocationPath().ShouldBe("/risks/methodology/edit");
        edit = await manager.Page("/risks/methodology/edit");
        var resized = await manager.Submit(edit, "main form", new Dictionary<string, string?>
        {
            ["Input.LikelihoodCount"] = "3", ["Input.ImpactCount"] = "3", ["Input.ImpactMode"] = "Single", ["Input.Action"] = "resize",
        });
        var redrawn = await TestClient.Parse(resized);
        redrawn.QuerySelectorAll(".matrix tbody tr").Length.ShouldBe(3);
        redrawn.QuerySelectorAll("input[name='Input.LikelihoodLabels']").Length.ShouldBe(3);
        (await manager.Submit(redrawn, "main form", new Dictionary<string, string?> { ["Input.ChangeNote"] = "Simpler 3 × 3.", ["Input.Action"] = "save" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.Submit(await manager.Page("/risks/methodology"), "form.approve-bar", new Dictionary<string, string?>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Version 1 stays readable; the risk is listed for re-assessment and re-rated with the suggested mapping.
        (await manager.Page("/risks/methodology/1")).QuerySelector(".page-head")!.TextContent.ShouldContain("Superseded");
        var reassess = await manager.Page("/risks/methodology/reassess");
        reassess.QuerySelector("main")!.TextContent.ShouldContain("Flood in the basement");
        (await manager.Submit(reassess, "main form", new Dictionary<string, string?>())).LocationPath().ShouldStartWith("/risks/methodology/reassess");
        (await manager.Page("/risks/methodology/reassess")).QuerySelector(".empty-state").ShouldNotBeNull();

        var assessments = await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<RiskAssessment>().AsNoTracking()
            .OrderBy(a => a.AssessedAt).ToListAsync());
        assessments.Count.ShouldBe(2, "the old rating stays in the history");
        assessments[1].MethodologyNumber.ShouldBe(2);
        (assessments[1].InherentLikelihood, assessments[1].InherentImpact).ShouldBe((3, 3)); // 5 → 3 and the highest impact 5 → 3
        (assessments[1].ResidualLikelihood, assessments[1].ResidualImpact).ShouldBe((2, 2)); // 3 → 2; 2 → 1.5, rounded half up to 2

        using var viewer = await app.SignedIn(Roles.Viewer);
        (await viewer.Get("/risks/methodology/edit")).LocationPath().ShouldStartWith("/account/access-denied");
        (await viewer.Page("/risks/methodology")).QuerySelectorAll("main form").Length.ShouldBe(0);
    }

    private static List<KeyValuePair<string, string?>> Fields(AngleSharp.Dom.IDocument page, string[] except) =>
        page.QuerySelectorAll("main form input, main form select, main form textarea")
            .Where(e => e.GetAttribute("name") is { } n && !except.Contains(n) && e.GetAttribute("type") is not ("submit" or "radio" or "checkbox"))
            .Select(e => new KeyValuePair<string, string?>(e.GetAttribute("name")!, e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value : e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? ""))
            .ToList();
}
