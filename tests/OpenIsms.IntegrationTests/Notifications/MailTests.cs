using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.Web.Infrastructure;
using static OpenIsms.IntegrationTests.Infrastructure.TestMailServer;

namespace OpenIsms.IntegrationTests.Notifications;

/// <summary>
/// Mail from the outbox to a real SMTP server (maildev), read back through its API: both parts arrive; a server that is
/// down loses nothing and the mail goes once a server is there; two nodes working one outbox send each mail once; the
/// administrators' page shows the outbox, tries a mail again and sends a test mail; nobody else may open it.
/// </summary>
public abstract class MailTests(AppFactory app)
{
    [Fact]
    public async Task AQueuedMail_ArrivesAtTheServer_WithItsTextAndHtmlParts_AndIsMarkedSent()
    {
        var to = NewAddress("ann");
        var id = await Queue(app, new MailMessage(to, "Ann Example", "Please approve the access control policy", "Open the policy to approve it.")
        {
            Html = "<p>Open the <a href=\"https://isms.example.test/documents/1\">policy</a> to approve it.</p>",
        });

        var received = (await WaitFor(to)).ShouldHaveSingleItem();
        received.Subject.ShouldBe("Please approve the access control policy");
        received.Text!.ShouldContain("Open the policy to approve it.");
        received.Html!.ShouldContain("<a href=\"https://isms.example.test/documents/1\">policy</a>");
        received.To.ShouldHaveSingleItem().Name.ShouldBe("Ann Example");
        received.From.ShouldHaveSingleItem().ShouldBe(new Mailbox("isms@example.test", "OpenIsms"));

        var mail = await WaitUntil(app, id, m => m.Status == MailStatus.Sent);
        mail.SentAt.ShouldNotBeNull();
        mail.Attempts.ShouldBe(1);
        mail.ClaimToken.ShouldBeNull();
        mail.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task TheServerDown_KeepsTheMailQueuedWithItsError_AndItIsSentOnceAServerIsConfigured()
    {
        using var database = new TestDatabase(app.Provider);
        database.CopyFrom(await Templates.For(app.Provider));
        var to = NewAddress("later");
        Guid id;

        // No mail server configured: the mail waits, nobody tries it, and the page says so.
        using (var none = new AppFactory(app.Provider, seed: false, shared: database))
        {
            id = await Queue(none, new MailMessage(to, null, "Your review is due", "Review the risk register."));
            using var admin = await none.SignedIn(Roles.Administrator);
            var page = await admin.Page("/settings/mail");
            page.QuerySelector("#server")!.TextContent.ShouldContain("No mail server is configured: mails wait in the outbox.");
            await Task.Delay(1500);
            (await Read(none, id)).Attempts.ShouldBe(0);
        }

        // The server is down: the attempt fails, the mail stays queued with the error and a later attempt.
        using (var down = new AppFactory(app.Provider, seed: false, shared: database, settings: AppSettings(ClosedPort())))
        {
            _ = down.Server;
            var mail = await WaitUntil(down, id, m => m.Attempts > 0);
            mail.Status.ShouldBe(MailStatus.Queued);
            mail.Attempts.ShouldBe(1);
            mail.LastError!.ShouldContain("could not be used");
            mail.NextAttemptAt.ShouldBeGreaterThan(mail.QueuedAt.AddSeconds(50), "the first back-off is a minute");
            mail.ClaimToken.ShouldBeNull();
        }

        // A working server: the administrator sees the error and tries the mail again now; it arrives, once.
        using var up = new AppFactory(app.Provider, seed: false, shared: database, settings: AppSettings());
        using var administrator = await up.SignedIn(Roles.Administrator);
        var outbox = await administrator.Page("/settings/mail?status=Queued");
        outbox.QuerySelector($"#mail-{id}")!.TextContent.ShouldContain("could not be used");
        (await administrator.Submit(outbox, "#outbox", new Dictionary<string, string?> { ["MailId"] = id.ToString() })).LocationPath().ShouldBe("/settings/mail?status=Queued&done=mail-retry");
        (await WaitFor(to)).ShouldHaveSingleItem().Subject.ShouldBe("Your review is due");
        var sent = await WaitUntil(up, id, m => m.Status == MailStatus.Sent);
        sent.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task TwoNodesWorkingOneOutbox_SendEachMailExactlyOnce()
    {
        using var second = new AppFactory(app.Provider, seed: false, shared: app.Database, settings: AppSettings());
        _ = second.Server;
        var to = NewAddress("claims");
        var ids = new List<Guid>();
        for (var round = 0; round < 4; round++)
        {
            // Ten mails, then three senders on each node set off at the same moment (their connections open already),
            // racing each other and both nodes' background senders for the same mails.
            ids.AddRange(await app.InScope(async sp =>
            {
                var db = Db(sp);
                var mails = Enumerable.Range(1, 10).Select(i => db.QueueMail(new MailMessage(to, null, $"Mail {round}-{i:00}", $"Mail number {i} of round {round}."), "test")).ToList();
                await db.SaveChangesAsync();
                return mails.Select(m => m.Id).ToList();
            }));
            var scopes = new[] { app, second, app, second, app, second }.Select(node => node.Services.CreateAsyncScope()).ToList();
            foreach (var scope in scopes)
            {
                await Db(scope.ServiceProvider).Database.OpenConnectionAsync();
            }

            using var start = new SemaphoreSlim(0);
            var senders = scopes.Select(scope => Task.Run(async () =>
            {
                await start.WaitAsync();
                await scope.ServiceProvider.GetRequiredService<SendQueuedMail>().Handle();
            })).ToList();
            start.Release(senders.Count);
            await Task.WhenAll(senders);
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await WaitFor(to, 40);
        await Task.Delay(2500); // a mail sent twice would arrive by now
        var received = await To(to);
        received.Select(m => m.Subject).Order().ShouldBe(Enumerable.Range(0, 4).SelectMany(r => Enumerable.Range(1, 10).Select(i => $"Mail {r}-{i:00}")).Order());

        var stored = await app.InScope(sp => Db(sp).Set<OutboxMail>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        stored.Count.ShouldBe(40);
        stored.ShouldAllBe(m => m.Status == MailStatus.Sent && m.Attempts == 1 && m.ClaimToken == null);
    }

    [Fact]
    public async Task AMailHeldByANodeThatStopped_IsLeftAlone_UntilTheClaimLapses_ThenSentOnce()
    {
        var to = NewAddress("lapsed");
        // Another node claimed the mail and stopped mid-batch: queued and claimed in one transaction, so that the app's
        // own sender never sees it unclaimed.
        var claimedUntil = DateTime.UtcNow.AddSeconds(4);
        var id = await app.InScope(async sp =>
        {
            var db = Db(sp);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var mail = db.QueueMail(new MailMessage(to, null, "Held by a node that stopped", "Sent after the claim lapsed."), "test");
            await db.SaveChangesAsync();
            await db.Set<OutboxMail>().Where(m => m.Id == mail.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.ClaimedUntil, claimedUntil));
            await transaction.CommitAsync();
            return mail.Id;
        });

        await Task.Delay(2500); // the sender looked twice meanwhile
        (await To(to)).ShouldBeEmpty();
        (await Read(app, id)).Status.ShouldBe(MailStatus.Queued);

        (await WaitFor(to)).ShouldHaveSingleItem();
        var mail = await WaitUntil(app, id, m => m.Status == MailStatus.Sent);
        mail.SentAt!.Value.ShouldBeGreaterThanOrEqualTo(claimedUntil.AddSeconds(-1));
        mail.ClaimToken.ShouldBeNull();
    }

    [Fact]
    public async Task TheMailPage_ShowsSentAndFailedMails_TriesAFailedOneAgain_AndSendsATestMail()
    {
        var sentTo = NewAddress("sent");
        var sentId = await Queue(app, new MailMessage(sentTo, null, "A mail that went", "Sent."));
        await WaitUntil(app, sentId, m => m.Status == MailStatus.Sent);

        // A mail given up after every attempt (failed through the entity's own rule, before it was ever saved).
        var failedTo = NewAddress("failed");
        var failedId = await Queue(app, new MailMessage(failedTo, null, "A mail that did not go", "Failed."), mail =>
        {
            for (var i = 0; i < OutboxMail.MaxAttempts; i++)
            {
                mail.AttemptFailed("The mail server mail.example.test:25 could not be used: no connection", mail.QueuedAt);
            }
        });

        using var admin = await app.SignedIn(Roles.Administrator);
        var page = await admin.Page("/settings/mail");
        page.QuerySelector("nav a[href='/settings/mail']").ShouldNotBeNull();
        page.QuerySelector("#server")!.TextContent.ShouldContain("port");
        var sentRow = page.QuerySelector($"#mail-{sentId}")!;
        sentRow.TextContent.ShouldContain("A mail that went");
        sentRow.QuerySelector(".badge")!.TextContent.ShouldBe("Sent");
        sentRow.QuerySelector("button").ShouldBeNull("a sent mail is not tried again");
        var failedRow = page.QuerySelector($"#mail-{failedId}")!;
        failedRow.QuerySelector(".badge")!.TextContent.ShouldBe("Failed");
        failedRow.TextContent.ShouldContain("could not be used: no connection");
        var onlyFailed = await admin.Page("/settings/mail?status=Failed");
        onlyFailed.QuerySelectorAll("#outbox tbody tr").Select(r => r.Id).ShouldBe([$"mail-{failedId}"]);

        var retried = await admin.Submit(onlyFailed, "#outbox", new Dictionary<string, string?> { ["MailId"] = failedId.ToString() });
        retried.LocationPath().ShouldBe("/settings/mail?status=Failed&done=mail-retry");
        (await WaitFor(failedTo)).ShouldHaveSingleItem().Subject.ShouldBe("A mail that did not go");
        (await WaitUntil(app, failedId, m => m.Status == MailStatus.Sent)).Attempts.ShouldBe(OutboxMail.MaxAttempts + 1);

        // The test mail: a bad address is refused beside the field; a good one is queued and arrives.
        var refused = await TestClient.Parse(await admin.Submit(page, "#test-mail-form", new Dictionary<string, string?> { ["TestInput.To"] = "not an address" }));
        refused.QuerySelector("#f-To")!.Closest(".field")!.TextContent.ShouldContain("Enter an e-mail address such as");
        var testTo = NewAddress("test");
        (await admin.Submit(page, "#test-mail-form", new Dictionary<string, string?> { ["TestInput.To"] = testTo })).LocationPath().ShouldBe("/settings/mail?done=mail-queued");
        var test = (await WaitFor(testTo)).ShouldHaveSingleItem();
        test.Subject.ShouldBe("OpenIsms test mail");
        test.Text!.ShouldContain("Ada Admin");
        test.Html!.ShouldContain("<p>");
    }

    [Theory]
    [InlineData(Roles.IsmsManager)]
    [InlineData(Roles.Auditor)]
    public async Task TheMailPage_AnyoneButAnAdministrator_IsRefused(string role)
    {
        using var client = await app.SignedIn(role);
        (await client.Get("/settings/mail")).LocationPath().ShouldStartWith("/account/access-denied");
        var home = await client.Page("/");
        home.QuerySelector("nav a[href='/settings/mail']").ShouldBeNull();
    }

    private static OpenIsmsDbContext Db(IServiceProvider sp)
    {
        sp.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
        return sp.GetRequiredService<OpenIsmsDbContext>();
    }

    /// <summary>Queues a mail as a use case does (with its change; here alone), optionally changing it before the save.</summary>
    private static Task<Guid> Queue(AppFactory on, MailMessage message, Action<OutboxMail>? before = null) => on.InScope(async sp =>
    {
        var db = Db(sp);
        var mail = db.QueueMail(message, "test");
        before?.Invoke(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    });

    private static Task<OutboxMail> Read(AppFactory on, Guid id) =>
        on.InScope(sp => Db(sp).Set<OutboxMail>().AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>The mail once it meets the condition (the background sender looks every second), or as it is after 30 seconds.</summary>
    private static async Task<OutboxMail> WaitUntil(AppFactory on, Guid id, Func<OutboxMail, bool> condition)
    {
        var until = Environment.TickCount64 + 30_000;
        while (true)
        {
            var mail = await Read(on, id);
            if (condition(mail) || Environment.TickCount64 > until)
            {
                return mail;
            }

            await Task.Delay(200);
        }
    }
}

/// <summary>The seeded app (from the run's template) sending to the test SMTP server, looking at the outbox every second.</summary>
public abstract class MailApp(Provider provider) : AppFactory(provider, settings: AppSettings())
{
    protected override bool FromTemplate => true;
}

public sealed class MailSqliteApp() : MailApp(Provider.Sqlite);

public sealed class MailPostgresApp() : MailApp(Provider.PostgreSql);

public sealed class MailTestsOnSqlite(MailSqliteApp app) : MailTests(app), IClassFixture<MailSqliteApp>;

public sealed class MailTestsOnPostgreSql(MailPostgresApp app) : MailTests(app), IClassFixture<MailPostgresApp>;
