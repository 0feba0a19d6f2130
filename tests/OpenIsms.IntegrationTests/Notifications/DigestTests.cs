using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.Reminders;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using static OpenIsms.IntegrationTests.Infrastructure.TestMailServer;

namespace OpenIsms.IntegrationTests.Notifications;

/// <summary>
/// The daily digest, delivered to the real SMTP server: what is due for a user, once per day however often it runs,
/// none for a user who switched it off — through the account page or the signed link in the digest itself.
/// </summary>
public abstract partial class DigestTests(AppFactory app)
{
    private Task<int> Digests(DateOnly day) => app.InScope(sp =>
    {
        sp.GetRequiredService<Web.Infrastructure.HttpCurrentUser>().ActAs(Core.Common.SystemUser.Instance);
        return sp.GetRequiredService<SendDigests>().Handle(new SendDigests.Command
        {
            Today = day,
            LinkBase = "http://openisms.test",
            UnsubscribeLink = Web.Infrastructure.Unsubscribe.LinkFor(sp.GetRequiredService<IDataProtectionProvider>(), "http://openisms.test"),
        });
    });

    [Fact]
    public async Task AUserWithAnApprovalWaiting_GetsOneDigestADay_AndCanStopItFromTheMail()
    {
        // A user of their own, with a version waiting for their approval.
        var email = NewAddress("approver");
        var userId = await app.InScope(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Dana Digest", EmailConfirmed = true };
            (await users.CreateAsync(user, "digest-pass-2026-x")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.IsmsManager)).Succeeded.ShouldBeTrue();
            return user.Id;
        });
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var title = $"Supplier policy {Guid.NewGuid():N}";
        var added = await manager.SubmitAt("/documents/new", "main form", new Dictionary<string, string?>
        {
            ["Input.Kind"] = "TopicPolicy", ["Input.Title"] = title, ["Input.OwnerId"] = await app.UserId(Roles.IsmsManager),
        });
        var documentId = Guid.Parse(added.LocationPath().Split('/')[2].Split('?')[0]);
        var draftId = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Documents.DocumentVersion>().Where(v => v.DocumentId == documentId).Select(v => v.Id).SingleAsync());
        await manager.SubmitAt($"/documents/{documentId}/versions/{draftId}/edit", "#draft-form", new Dictionary<string, string?> { ["Input.Content"] = "Suppliers sign our terms." });
        var submit = await manager.Page($"/documents/{documentId}/versions/{draftId}/submit");
        await manager.Submit(submit, "#submit-form", [new("Input.Quorum", "Any"), new("Input.ApproverIds", userId)]);
        (await WaitFor(email, subject: "Approval asked")).Count.ShouldBe(1); // the request itself came at once

        // The digest lists it; running again the same day sends nothing more.
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        (await Digests(day)).ShouldBeGreaterThanOrEqualTo(1);
        (await Digests(day)).ShouldBe(0);
        var digest = (await WaitFor(email, subject: "What is due for you")).ShouldHaveSingleItem();
        digest.Text!.ShouldContain("Versions to approve (1)");
        digest.Text!.ShouldContain(title);
        digest.Html!.ShouldContain($"http://openisms.test/documents/{documentId}/versions/{draftId}");

        // The unsubscribe link: opening it changes nothing; the button stops the digest; an altered link is refused.
        var link = Regex.Match(digest.Text!, @"http://openisms\.test(/mail/unsubscribe/\S+)").Groups[1].Value;
        link.ShouldNotBeEmpty();
        using var stranger = app.NewClient();
        var page = await stranger.Page(link);
        (await app.InScope(sp => sp.GetRequiredService<GetMailPreference>().Handle(userId))).ShouldBeTrue();
        var altered = await stranger.Page(link[..^3] + "xyz");
        altered.QuerySelector("main")!.TextContent.ShouldContain("This link is not valid");
        (await stranger.Submit(page, "#unsubscribe-form", new Dictionary<string, string?>())).LocationPath().ShouldEndWith("?done=stopped");
        (await app.InScope(sp => sp.GetRequiredService<GetMailPreference>().Handle(userId))).ShouldBeFalse();

        // The next day: no digest for her, though the approval still waits.
        await Digests(day.AddDays(1));
        (await To(email)).Count(m => m.Subject.StartsWith("What is due", StringComparison.Ordinal)).ShouldBe(1);
        var entry = await app.InScope(sp => sp.GetRequiredService<OpenIsmsDbContext>().Set<Core.Data.Log.ActivityEntry>().AsNoTracking()
            .Where(e => e.EntityType == "MailPreference").OrderByDescending(e => e.Sequence).FirstAsync());
        entry.UserName.ShouldBe("Unsubscribe link");
    }

    [Fact]
    public async Task TheAccountPage_SwitchesTheDigestOffAndOn()
    {
        using var auditor = await app.SignedIn(Roles.Auditor);
        var account = await auditor.Page("/account");
        account.QuerySelector("#digest-form input[name=Digest]")!.HasAttribute("checked").ShouldBeTrue();
        await auditor.Submit(account, "#digest-form", new Dictionary<string, string?> { ["Digest"] = null });
        var off = await auditor.Page("/account");
        off.QuerySelector("#digest-form input[name=Digest]")!.HasAttribute("checked").ShouldBeFalse();
        await auditor.Submit(off, "#digest-form", new Dictionary<string, string?> { ["Digest"] = "true" });
        (await auditor.Page("/account")).QuerySelector("#digest-form input[name=Digest]")!.HasAttribute("checked").ShouldBeTrue();
    }
}

public sealed class DigestTestsOnSqlite(MailSqliteApp app) : DigestTests(app), IClassFixture<MailSqliteApp>;

public sealed class DigestTestsOnPostgreSql(MailPostgresApp app) : DigestTests(app), IClassFixture<MailPostgresApp>;
