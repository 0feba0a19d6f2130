using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.IntegrationTests.Notifications;
using static OpenIsms.IntegrationTests.Infrastructure.TestMailServer;

namespace OpenIsms.IntegrationTests.Documents;

/// <summary>
/// The document register as people use it: a policy written and submitted, approved by the named approvers (and only
/// them), frozen with its hash, compared with its next version, reviewed, and acknowledged by staff through the
/// personal links the real SMTP server received.
/// </summary>
public abstract partial class DocumentTests(AppFactory app)
{
    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> work) => app.InScope(sp => work(sp.GetRequiredService<OpenIsmsDbContext>()));

    private async Task<ControlledDocument> Document(string title) =>
        await Db(db => db.Set<ControlledDocument>().AsNoTracking().SingleAsync(d => d.Title == title));

    private async Task<List<DocumentVersion>> Versions(Guid documentId) =>
        await Db(db => db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == documentId).OrderBy(v => v.Major).ThenBy(v => v.Minor).ToListAsync());

    /// <summary>Adds a document on the form and writes its first draft; returns the document.</summary>
    private async Task<ControlledDocument> Write(TestClient client, string title, string text)
    {
        var owner = await app.UserId(Roles.IsmsManager);
        var control = await Db(db => db.Set<Core.Frameworks.Requirement>().Where(r => r.Code == "A.5.1").Select(r => r.Id).FirstAsync());
        var added = await client.SubmitAt("/documents/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "SecurityPolicy", ["Input.Title"] = title, ["Input.OwnerId"] = owner, ["Input.ReviewIntervalMonths"] = "12",
            ["Input.RequirementIds"] = control.ToString(),
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Text());
        var document = await Document(title);
        added.LocationPath().ShouldBe($"/documents/{document.Id}?done=added");
        document.Reference.ShouldStartWith("POL-");
        var draft = (await Versions(document.Id)).Single();
        draft.Label.ShouldBe("0.1");
        var saved = await client.SubmitAt($"/documents/{document.Id}/versions/{draft.Id}/edit", "#draft-form", new Dictionary<string, string?>
        {
            ["Input.Content"] = text, ["Input.ChangeSummary"] = "First issue",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await TestClient.Parse(saved)).QuerySelector("main")?.TextContent);
        return document;
    }

    private async Task<HttpResponseMessage> SubmitForApproval(TestClient client, Guid documentId, Guid versionId, string quorum, params string[] approvers)
    {
        var page = await client.Page($"/documents/{documentId}/versions/{versionId}/submit");
        var values = new List<KeyValuePair<string, string?>> { new("Input.Quorum", quorum) };
        values.AddRange(approvers.Select(a => new KeyValuePair<string, string?>("Input.ApproverIds", a)));
        return await client.Submit(page, "#submit-form", values);
    }

    [Fact]
    public async Task APolicy_IsWritten_Submitted_ApprovedByTheNamedApprover_AndFrozenWithItsHash()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var title = $"Information security policy {Guid.NewGuid():N}";
        const string text = "# Purpose\n\nWe protect information.\n\n<script>alert('x')</script>\n\n[Click](javascript:alert(1)) and [our site](https://example.org)\n";
        var document = await Write(manager, title, text);
        var draft = (await Versions(document.Id)).Single();

        // Raw HTML and a javascript: link are shown as text; a normal link stays a link.
        var read = await manager.Page($"/documents/{document.Id}/versions/{draft.Id}");
        var body = read.QuerySelector(".document-text")!;
        body.QuerySelector("script").ShouldBeNull();
        body.TextContent.ShouldContain("<script>alert('x')</script>");
        body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList().ShouldBe(new List<string?> { "https://example.org" });
        body.TextContent.ShouldContain("[Click](javascript:alert(1))");

        // Naming oneself is refused (the organisation does not allow it); naming nobody too.
        var self = await TestClient.Parse(await SubmitForApproval(manager, document.Id, draft.Id, "All", await app.UserId(Roles.IsmsManager)));
        self.QuerySelector("#f-ApproverIds")!.Closest(".field")!.TextContent.ShouldContain("You cannot approve a version you submit");
        var nobody = await TestClient.Parse(await SubmitForApproval(manager, document.Id, draft.Id, "All"));
        nobody.QuerySelector("#f-ApproverIds")!.Closest(".field")!.TextContent.ShouldContain("Name at least one approver");

        var admin = await app.UserId(Roles.Administrator);
        (await SubmitForApproval(manager, document.Id, draft.Id, "All", admin)).LocationPath().ShouldBe($"/documents/{document.Id}/versions/{draft.Id}?done=submitted");
        (await Document(title)).Status.ShouldBe(DocumentStatus.InApproval);

        // The approver is mailed at once, through the real SMTP server.
        var asked = (await WaitFor(AppFactory.EmailOf(Roles.Administrator), subject: title)).ShouldHaveSingleItem();
        asked.Subject.ShouldContain("Approval asked");
        asked.Text!.ShouldContain($"/documents/{document.Id}/versions/{draft.Id}");
        asked.Html!.ShouldContain("<a href=");

        // The frozen draft can no longer be edited.
        var frozen = await manager.Page($"/documents/{document.Id}/versions/{draft.Id}/edit");
        frozen.QuerySelector("main")!.TextContent.ShouldContain("can no longer be changed");
        frozen.QuerySelector("#draft-form").ShouldBeNull();

        // Someone who is not a named approver cannot decide; the named one approves.
        using var second = await app.SignedIn(Roles.IsmsManager);
        var notNamed = await second.Page($"/documents/{document.Id}/versions/{draft.Id}");
        notNamed.QuerySelector("#decide").ShouldBeNull();
        using var administrator = await app.SignedIn(Roles.Administrator);
        var decide = await administrator.Page($"/documents/{document.Id}/versions/{draft.Id}");
        var approved = await administrator.Submit(decide, "#approve-form", new Dictionary<string, string?>());
        approved.LocationPath().ShouldBe($"/documents/{document.Id}/versions/{draft.Id}?done=in-force");

        var version = (await Versions(document.Id)).Single();
        version.State.ShouldBe(VersionState.Current);
        version.ContentSha256.ShouldBe(DocumentVersion.Hash(text));
        var inForce = await Document(title);
        inForce.Status.ShouldBe(DocumentStatus.Approved);
        inForce.CurrentLabel.ShouldBe("0.1");
        inForce.NextReview.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12));
        (await WaitFor(AppFactory.EmailOf(Roles.IsmsManager), subject: title)).ShouldContain(m => m.Subject.StartsWith("Approved:"));

        // The version exports as a controlled document: the control block, the text in Word's headings, the approval record.
        var docx = await manager.Get($"/documents/{document.Id}/versions/{draft.Id}/export.docx");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var wordBody = word.MainDocumentPart!.Document!.Body!;
            var headings = wordBody.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            headings.ShouldContain("Purpose");
            headings.ShouldContain("Approval record");
            wordBody.InnerText.ShouldContain(inForce.Reference);
            wordBody.InnerText.ShouldContain(version.ContentSha256!);
            wordBody.InnerText.ShouldContain("We protect information.");
            wordBody.InnerText.ShouldContain("our site (https://example.org)");
        }

        var pdf = await manager.Get($"/documents/{document.Id}/versions/{draft.Id}/export.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]).ShouldBe("%PDF-");

        // The control's page in the SoA lists the document that describes it.
        (await manager.Page("/soa/A.5.1")).QuerySelector("#linked-documents")!.TextContent.ShouldContain(title);

        // A second decision on the same version is refused.
        var again = await TestClient.Parse(await administrator.Submit(decide, "#approve-form", new Dictionary<string, string?>()));
        again.QuerySelector(".error-summary")!.TextContent.ShouldContain("not waiting for approval");

        // The approval is in the activity log, with who and the hash.
        var logged = await Db(db => db.Set<Core.Data.Log.ActivityEntry>().AsNoTracking().Where(e => e.EntityType == "DocumentVersion" && e.EntityId == version.Id.ToString()).ToListAsync());
        logged.ShouldContain(e => e.After != null && e.After.Contains(version.ContentSha256!));
    }

    [Fact]
    public async Task ANewVersion_NeedsItsQuorum_ARejectionSaysWhy_AndTheComparisonShowsTheChangedLines()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var title = $"Access control policy {Guid.NewGuid():N}";
        var document = await Write(manager, title, "Line one\nLine two\n");
        var first = (await Versions(document.Id)).Single();
        await SubmitForApproval(manager, document.Id, first.Id, "Any", await app.UserId(Roles.Administrator));
        using var administrator = await app.SignedIn(Roles.Administrator);
        await administrator.Submit(await administrator.Page($"/documents/{document.Id}/versions/{first.Id}"), "#approve-form", new Dictionary<string, string?>());

        // A contributor starts 1.1 (minor), changes a line and submits it to two approvers, both needed.
        using var contributor = await app.SignedIn(Roles.Contributor);
        var page = await contributor.Page($"/documents/{document.Id}");
        var started = await contributor.Submit(page, "#start-version", new Dictionary<string, string?>());
        var next = (await Versions(document.Id)).Last();
        next.Label.ShouldBe("0.2");
        next.AskAcknowledgement.ShouldBeFalse();
        started.LocationPath().ShouldBe($"/documents/{document.Id}/versions/{next.Id}/edit?done=revised");
        await contributor.SubmitAt($"/documents/{document.Id}/versions/{next.Id}/edit", "#draft-form", new Dictionary<string, string?>
        {
            ["Input.Content"] = "Line one\nLine 2, changed\nLine three\n", ["Input.ChangeSummary"] = "Clarified",
        });
        (await SubmitForApproval(contributor, document.Id, next.Id, "All", await app.UserId(Roles.Administrator), await app.UserId(Roles.IsmsManager)))
            .LocationPath().ShouldContain("done=submitted");

        // The manager rejects: without a reason it is refused, with one the version is a draft again and its author is told why.
        var decide = await manager.Page($"/documents/{document.Id}/versions/{next.Id}");
        var noReason = await TestClient.Parse(await manager.Submit(decide, "#reject-form", new Dictionary<string, string?> { ["Reason"] = "" }));
        noReason.QuerySelector(".error-summary")!.TextContent.ShouldContain("Say why you reject it");
        (await manager.Submit(decide, "#reject-form", new Dictionary<string, string?> { ["Reason"] = "Line three is not agreed" }))
            .LocationPath().ShouldContain("done=returned");
        (await Versions(document.Id)).Last().State.ShouldBe(VersionState.Draft);
        var told = await WaitFor(AppFactory.EmailOf(Roles.Contributor), subject: title);
        told.ShouldContain(m => m.Subject.StartsWith("Rejected:") && m.Text!.Contains("Line three is not agreed"));
        // The administrator's pending decision of that round is no longer asked for.
        using var admin2 = await app.SignedIn(Roles.Administrator);
        (await admin2.Page($"/documents/{document.Id}/versions/{next.Id}")).QuerySelector("#decide").ShouldBeNull();

        // The comparison of 0.1 and the draft shows exactly the changed lines.
        var compare = await manager.Page($"/documents/{document.Id}/compare?fromVersion={first.Id}&toVersion={next.Id}");
        var rows = compare.QuerySelectorAll("#text-diff tbody tr");
        rows.Where(r => r.ClassList.Contains("before")).Select(r => r.TextContent).ShouldHaveSingleItem().ShouldContain("Line two");
        rows.Where(r => r.ClassList.Contains("after")).Select(r => r.TextContent.Trim()).Count().ShouldBe(2);
        compare.QuerySelector(".lead")!.TextContent.ShouldContain("2 lines added, 1 removed");
    }

    [Fact]
    public async Task ACampaign_AsksADepartment_AndAPersonWithoutAnAccount_AcknowledgesOnceThroughTheMailedLink()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var department = $"Sales {Guid.NewGuid():N}"[..20];
        var ann = NewAddress("ann");
        var bob = NewAddress("bob");
        var people = await Db(async db =>
        {
            var added = new List<Person>();
            foreach (var (name, email, left) in new[] { ("Ann Sales", ann, (DateOnly?)null), ("Bob Sales", bob, null), ("Carl Sales", null, null), ("Dora Gone", NewAddress("dora"), new DateOnly(2020, 1, 31)) })
            {
                var p = new Person();
                p.Update(new SavePerson.Command { Name = name, Email = email, Department = department, LeavingDate = left }).Succeeded.ShouldBeTrue();
                db.Add(p);
                added.Add(p);
            }

            (await db.SaveAsync()).Succeeded.ShouldBeTrue();
            return added;
        });
        var title = $"Acceptable use policy {Guid.NewGuid():N}";
        var document = await Write(manager, title, "Use company devices for work.\n");
        var version = (await Versions(document.Id)).Single();
        await SubmitForApproval(manager, document.Id, version.Id, "All", await app.UserId(Roles.Administrator));
        using var administrator = await app.SignedIn(Roles.Administrator);
        await administrator.Submit(await administrator.Page($"/documents/{document.Id}/versions/{version.Id}"), "#approve-form", new Dictionary<string, string?>());

        // A due date in the past is refused beside the field; the department is asked (the one who left is not).
        var form = await manager.Page($"/documents/{document.Id}/campaigns/new");
        var past = await TestClient.Parse(await manager.Submit(form, "#campaign-form", new Dictionary<string, string?> { ["Input.Departments"] = department, ["Input.DueDate"] = "2020-01-01" }));
        past.QuerySelector("#f-DueDate")!.Closest(".field")!.TextContent.ShouldContain("must be after today");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd");
        var started = await manager.Submit(form, "#campaign-form", new Dictionary<string, string?> { ["Input.Departments"] = department, ["Input.DueDate"] = due });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect, await started.Text());
        var campaign = await Db(db => db.Set<AckCampaign>().AsNoTracking().SingleAsync(c => c.DocumentId == document.Id));
        campaign.People.ShouldBe(3);
        var progress = await manager.Page($"/documents/campaigns/{campaign.Id}");
        progress.QuerySelector("#progress")!.TextContent.ShouldContain("0 of 3");
        progress.QuerySelector("main")!.TextContent.ShouldContain("No e-mail");

        // Ann reads the mail in the real mailbox and opens her personal link without signing in.
        var mail = (await WaitFor(ann)).ShouldHaveSingleItem();
        mail.Subject.ShouldContain(title);
        var link = AckLink().Match(mail.Text!).Value;
        link.ShouldNotBeEmpty();
        using var stranger = app.NewClient();
        var open = await stranger.Page(link);
        open.QuerySelector(".document-text")!.TextContent.ShouldContain("Use company devices for work.");
        open.QuerySelector("nav.sidenav").ShouldBeNull();
        // The link opens nothing else: the register still asks for a sign-in.
        (await stranger.Get("/documents")).LocationPath().ShouldStartWith("/account/login");
        var done = await stranger.Submit(open, "#acknowledge-form", new Dictionary<string, string?>());
        done.LocationPath().ShouldBe(link + "?done=acknowledged");
        (await stranger.Page(link)).QuerySelector("#acknowledged")!.TextContent.ShouldContain("cannot be used again");

        // Used twice: refused, nothing changes.
        var twice = await TestClient.Parse(await stranger.Submit(open, "#acknowledge-form", new Dictionary<string, string?>()));
        twice.QuerySelector("#acknowledged").ShouldNotBeNull();
        var acknowledged = await Db(db => db.Set<Acknowledgement>().AsNoTracking().SingleAsync(a => a.PersonEmail == ann));
        acknowledged.State.ShouldBe(AcknowledgementState.Acknowledged);
        acknowledged.ContentSha256.ShouldBe(DocumentVersion.Hash("Use company devices for work.\n"));
        acknowledged.Via.ShouldBe(Acknowledge.ByLink);
        var entry = await Db(db => db.Set<Core.Data.Log.ActivityEntry>().AsNoTracking().Where(e => e.EntityType == "Acknowledgement" && e.EntityId == acknowledged.Id.ToString())
            .OrderByDescending(e => e.Sequence).FirstAsync());
        entry.UserName.ShouldBe("Ann Sales (personal link)");

        // An altered link opens nothing.
        var altered = await stranger.Page(link[..^2] + (link.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));
        altered.QuerySelector("h1")!.TextContent.ShouldContain("This link is not valid");

        // Progress: 1 of 3. Reminders give Bob a new link; his first one stops working. An expired link is refused.
        (await manager.Page($"/documents/campaigns/{campaign.Id}")).QuerySelector("#progress")!.TextContent.ShouldContain("1 of 3");
        var bobFirst = AckLink().Match((await WaitFor(bob)).Single().Text!).Value;
        var reminded = await manager.Submit(await manager.Page($"/documents/campaigns/{campaign.Id}"), "#remind", new Dictionary<string, string?>());
        reminded.LocationPath().ShouldContain("done=reminded");
        var bobMails = await WaitFor(bob, count: 2);
        bobMails.Count.ShouldBe(2);
        bobMails[1].Subject.ShouldStartWith("Reminder:");
        (await stranger.Page(bobFirst)).QuerySelector("h1")!.TextContent.ShouldContain("This link is not valid");
        var bobSecond = AckLink().Match(bobMails[1].Text!).Value;
        await Db(db => db.Set<Acknowledgement>().Where(a => a.PersonEmail == bob).ExecuteUpdateAsync(s => s.SetProperty(a => a.TokenExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        (await stranger.Page(bobSecond)).QuerySelector("main")!.TextContent.ShouldContain("This link has expired");

        // The record an auditor samples: who acknowledged which version when, with the content hash.
        var csv = await (await manager.Get($"/documents/campaigns/{campaign.Id}/export.csv")).Text();
        var annRow = csv.Split('\n').Single(l => l.Contains(ann));
        annRow.ShouldContain("Acknowledged");
        annRow.ShouldContain(acknowledged.ContentSha256!);
        annRow.ShouldContain("0.1");
        csv.Split('\n').Single(l => l.Contains(bob)).ShouldContain("Pending");

        // Asking the same department again asks nobody twice.
        var again = await TestClient.Parse(await manager.Submit(await manager.Page($"/documents/{document.Id}/campaigns/new"), "#campaign-form",
            new Dictionary<string, string?> { ["Input.Departments"] = department, ["Input.DueDate"] = due }));
        again.QuerySelector(".error-summary")!.TextContent.ShouldContain("has already been asked");
        people.Count.ShouldBe(4);
    }

    [Fact]
    public async Task ASignedInPerson_AcknowledgesFromMyWork_AndTheOwnerRecordsAReviewWithoutANewVersion()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var contributorEmail = AppFactory.EmailOf(Roles.Contributor);
        await Db(async db =>
        {
            if (!await db.Set<Person>().AnyAsync(p => p.Email == contributorEmail))
            {
                var p = new Person();
                p.Update(new SavePerson.Command { Name = "Cora Contributor", Email = contributorEmail });
                p.LinkAccount(await app.UserId(Roles.Contributor));
                db.Add(p);
                (await db.SaveAsync()).Succeeded.ShouldBeTrue();
            }

            return 0;
        });
        var title = $"Clear desk procedure {Guid.NewGuid():N}";
        var document = await Write(manager, title, "Clear your desk.\n");
        var version = (await Versions(document.Id)).Single();
        await SubmitForApproval(manager, document.Id, version.Id, "All", await app.UserId(Roles.Administrator));
        using var administrator = await app.SignedIn(Roles.Administrator);
        (await administrator.Page("/")).QuerySelector("#document-work")!.TextContent.ShouldContain(title);
        await administrator.Submit(await administrator.Page($"/documents/{document.Id}/versions/{version.Id}"), "#approve-form", new Dictionary<string, string?>());

        var person = await Db(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Email == contributorEmail));
        var form = await manager.Page($"/documents/{document.Id}/campaigns/new");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");
        (await manager.Submit(form, "#campaign-form", new Dictionary<string, string?> { ["Input.PersonIds"] = person.Id.ToString(), ["Input.DueDate"] = due }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var contributor = await app.SignedIn(Roles.Contributor);
        var work = await contributor.Page("/");
        var item = work.QuerySelectorAll("#document-work a").Single(a => a.TextContent.Contains(title));
        var ackPage = await contributor.Page(item.GetAttribute("href")!);
        (await contributor.Submit(ackPage, "#acknowledge-form", new Dictionary<string, string?>())).LocationPath().ShouldContain("done=acknowledged");
        (await Db(db => db.Set<Acknowledgement>().AsNoTracking().SingleAsync(a => a.DocumentId == document.Id))).Via.ShouldBe(Acknowledge.SignedIn);
        // Someone else's acknowledgement is not theirs to give.
        using var auditor = await app.SignedIn(Roles.Auditor);
        (await auditor.Get(item.GetAttribute("href")!)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // "Reviewed, no change": a date in the past is refused; without a date the next review is a year on.
        var page = await manager.Page($"/documents/{document.Id}");
        var pastDate = await TestClient.Parse(await manager.Submit(page, "#record-review", new Dictionary<string, string?> { ["ReviewInput.NextReview"] = "2020-01-01" }));
        pastDate.QuerySelector(".error-summary")!.TextContent.ShouldContain("must be after today");
        var before = await Document(title);
        await Db(db => db.Set<ControlledDocument>().Where(d => d.Id == document.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextReview, new DateOnly(2021, 1, 1))));
        var overdue = await manager.Page($"/documents/{document.Id}");
        overdue.QuerySelector("#reviews .notice-warning").ShouldNotBeNull();
        (await manager.Page("/documents?overdue=true")).QuerySelector("main table")!.TextContent.ShouldContain(title);
        var reviewed = await manager.Submit(overdue, "#record-review", new Dictionary<string, string?> { ["ReviewInput.Note"] = "Still accurate" });
        reviewed.LocationPath().ShouldStartWith($"/documents/{document.Id}?done=reviewed");
        var after = await Document(title);
        after.NextReview.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12));
        after.CurrentLabel.ShouldBe(before.CurrentLabel);
        (await Versions(document.Id)).Count.ShouldBe(1);
        var review = await Db(db => db.Set<DocumentReview>().AsNoTracking().SingleAsync(r => r.DocumentId == document.Id));
        review.Note.ShouldBe("Still accurate");
        review.VersionLabel.ShouldBe("0.1");
    }

    [Fact]
    public async Task AMandatoryDocument_IsDraftedFromTheRegister_AndShowsWhenTheRegisterChangesAfterApproval()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var register = await manager.Page("/documents");
        register.QuerySelector("#generate")!.TextContent.ShouldContain("risk treatment process and plan");

        // A source that is not there yet is named; nothing is added.
        await Db(db => db.Set<Core.Soa.SoaVersion>().ExecuteDeleteAsync());
        var soa = await TestClient.Parse(await manager.Submit(register, "form:has(input[value=Soa])", new Dictionary<string, string?>()));
        soa.QuerySelector(".error-summary")!.TextContent.ShouldContain("Approve the Statement of Applicability first");

        // The treatment plan, drafted from the register: a risk with a decision is in it.
        var riskTitle = $"Laptop theft {Guid.NewGuid():N}";
        await AddTreatedRisk(riskTitle);
        var made = await manager.Submit(register, "form:has(input[value=RiskTreatment])", new Dictionary<string, string?>());
        made.LocationPath().ShouldContain("done=generated");
        var document = await Db(db => db.Set<ControlledDocument>().AsNoTracking().SingleAsync(d => d.Source == DocumentSource.RiskTreatment));
        document.Reference.ShouldStartWith("ISMS-");
        var draft = (await Versions(document.Id)).Single();
        draft.Content!.ShouldContain(riskTitle);
        draft.SourceHash.ShouldBe(DocumentVersion.Hash(draft.Content!));
        (await Db(db => db.Set<ControlledDocument>().CountAsync(d => d.Source == DocumentSource.RiskTreatment))).ShouldBe(1);

        // Approved, it is up to date; a new risk decision later makes it out of date, and a new draft follows the register.
        await SubmitForApproval(manager, document.Id, draft.Id, "Any", await app.UserId(Roles.Administrator));
        using var administrator = await app.SignedIn(Roles.Administrator);
        await administrator.Submit(await administrator.Page($"/documents/{document.Id}/versions/{draft.Id}"), "#approve-form", new Dictionary<string, string?>());
        (await manager.Page($"/documents/{document.Id}")).QuerySelector("#source-drift")!.TextContent.ShouldContain("still current");
        var later = $"Phishing {Guid.NewGuid():N}";
        await AddTreatedRisk(later);
        var outOfDate = await manager.Page($"/documents/{document.Id}");
        outOfDate.QuerySelector("#source-drift")!.TextContent.ShouldContain("Out of date with the register");
        var redrafted = await manager.Submit(outOfDate, "#regenerate", new Dictionary<string, string?>());
        redrafted.LocationPath().ShouldContain("done=generated");
        var next = (await Versions(document.Id)).Last();
        next.Label.ShouldBe("0.2");
        next.Content!.ShouldContain(later);
        (await manager.Page($"/documents/{document.Id}")).QuerySelector("#source-drift")!.TextContent.ShouldContain("The open draft already follows it");
    }

    /// <summary>A risk with a treatment action in the plan, through the risk area's own use cases.</summary>
    private Task AddTreatedRisk(string title) => app.InScope(async sp =>
    {
        sp.GetRequiredService<Web.Infrastructure.HttpCurrentUser>().ActAs(Core.Common.SystemUser.Instance);
        var owner = await app.UserId(Roles.IsmsManager);
        var risk = await sp.GetRequiredService<Core.Risks.SaveRisk>().Handle(new Core.Risks.SaveRisk.Command { Title = title, OwnerId = owner });
        risk.Succeeded.ShouldBeTrue();
        var action = await sp.GetRequiredService<Core.Risks.SaveTreatmentAction>().Handle(new Core.Risks.SaveTreatmentAction.Command
        {
            RiskId = risk.Value, Title = $"Act on {title}", OwnerId = owner, Due = new DateOnly(2030, 1, 31), Status = Core.Risks.ActionStatus.Planned,
        });
        action.Succeeded.ShouldBeTrue();
        return 0;
    });

    [Fact]
    public async Task ADraftsFile_IsCheckedAsEvidenceIs_AndTheApprovedHashCoversTextAndFile()
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var title = $"Business continuity plan {Guid.NewGuid():N}";
        var document = await Write(manager, title, "See the attached plan.\n");
        var draft = (await Versions(document.Id)).Single();
        var page = await manager.Page($"/documents/{document.Id}/versions/{draft.Id}/edit");

        // A page of HTML named as a PDF is refused beside the field; nothing is attached.
        var refused = await TestClient.Parse(await manager.SubmitFile(page, "#draft-form", new Dictionary<string, string?>(), "File", "plan.pdf",
            new MemoryStream("<html><script>alert(1)</script></html>"u8.ToArray())));
        refused.QuerySelector("#f-File")!.Closest(".field")!.QuerySelector(".error-message")!.TextContent.ShouldContain("content is not a PDF file");
        (await Versions(document.Id)).Single().FileSha256.ShouldBeNull();

        var bytes = "Call tree: Ann, then Bob.\n"u8.ToArray();
        (await manager.SubmitFile(page, "#draft-form", new Dictionary<string, string?>(), "File", "call-tree.txt", new MemoryStream(bytes)))
            .LocationPath().ShouldContain("done=saved");
        var attached = (await Versions(document.Id)).Single();
        attached.FileSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        (await (await manager.Get($"/documents/{document.Id}/versions/{draft.Id}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        await SubmitForApproval(manager, document.Id, draft.Id, "Any", await app.UserId(Roles.Administrator));
        using var administrator = await app.SignedIn(Roles.Administrator);
        await administrator.Submit(await administrator.Page($"/documents/{document.Id}/versions/{draft.Id}"), "#approve-form", new Dictionary<string, string?>());
        (await Versions(document.Id)).Single().ContentSha256.ShouldBe(DocumentVersion.Hash(DocumentVersion.Hash("See the attached plan.\n") + "\n" + attached.FileSha256));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Auditor)]
    public async Task ReadOnlyRoles_ReadTheRegister_ButCannotAddOrAskForAcknowledgement(string role)
    {
        using var reader = await app.SignedIn(role);
        (await reader.Get("/documents")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.Get("/documents/new")).LocationPath().ShouldStartWith("/account/access-denied");
    }

    [GeneratedRegex(@"/ack/[A-Za-z0-9_-]+")]
    private static partial Regex AckLink();
}

public sealed class DocumentTestsOnSqlite(MailSqliteApp app) : DocumentTests(app), IClassFixture<MailSqliteApp>;

public sealed class DocumentTestsOnPostgreSql(MailPostgresApp app) : DocumentTests(app), IClassFixture<MailPostgresApp>;
