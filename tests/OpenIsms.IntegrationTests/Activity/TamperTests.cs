using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Context;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Evidence;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.Web.Infrastructure;
using EvidenceItem = OpenIsms.Core.Evidence.Evidence;

namespace OpenIsms.IntegrationTests.Activity;

/// <summary>
/// Someone who holds the database (but not the key file) tampers with it in each of the ways an insider would; the
/// verification — the page's and the verify-activity command's — reports every one. Each case gets a database of its own.
/// </summary>
public abstract class TamperTests(Provider provider)
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "edit one field of an entry", "does not match its keyed hash" },
        { "delete a middle entry", "is missing" },
        { "delete the last entry", "but the log ends at entry" },
        { "delete the last 20 entries", "but the log ends at entry" },
        { "swap two entries", "Does not link to the entry before it" },
        { "edit an entry and recompute the chain without the key", "does not match its keyed hash" },
        { "append a forged entry", "does not match its keyed hash" },
        { "append an unkeyed entry", "It carries no key" },
        { "edit a risk row", "changed in the database behind the app's back" },
        { "edit an evidence row", "changed in the database behind the app's back" },
        { "delete a business row", "deleted behind the app's back" },
        { "give a role behind the app's back", "which the activity log never gave them" },
        { "restore an older copy of the database", "but the log ends at entry" },
        { "replace the key file", "which the key file does not hold" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ATamper_IsReported(string tamper, string reported)
    {
        var app = new AppFactory(provider);
        try
        {
            await app.InitializeAsync();
            var records = await Records(app, "first");
            (await Verify(app)).Problems.ShouldBeEmpty();
            (await Checkpoint(app)).Refusal.ShouldBeNull();
            if (tamper == "restore an older copy of the database")
            {
                app.Database.Snapshot();
                await Records(app, "second");
                (await Checkpoint(app)).Refusal.ShouldBeNull();
            }

            await Tamper(app, tamper, records);

            // The key file is read when a process starts: a replaced one is seen by the next process (the command).
            var verifier = tamper == "replace the key file" ? new AppFactory(provider, seed: false, shared: app.Database) : app;
            try
            {
                var report = await Verify(verifier);
                report.Intact.ShouldBeFalse(tamper);
                report.Problems.Select(p => $"{p.Where}: {p.Reason}").ShouldContain(p => p.Contains(reported, StringComparison.Ordinal), tamper);
                (await Command(verifier, "verify-activity")).ShouldBe(1, tamper);
            }
            finally
            {
                if (verifier != app)
                {
                    await ((IAsyncLifetime)verifier).DisposeAsync();
                }
            }
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task AnUntouchedLog_VerifiesOnThePage_AndTheCommandSaysIntact_AfterAKeyRotation()
    {
        var app = new AppFactory(provider);
        try
        {
            await app.InitializeAsync();
            await Records(app, "before rotation");
            (await Command(app, "rotate-activity-key")).ShouldBe(0);

            // A node started after the rotation signs with the new key; the old entries still verify with the old one.
            var node = new AppFactory(provider, seed: false, shared: app.Database);
            try
            {
                await node.InitializeAsync();
                await Records(node, "after rotation");
                var keys = await node.InScope(sp => Task.FromResult(sp.GetRequiredService<ActivityKeyRing>().All.Select(k => k.Id).ToList()));
                keys.Count.ShouldBe(2);
                var used = await node.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ActivityEntry>().Select(e => e.KeyId).Distinct().ToListAsync());
                used.ShouldBe(keys, ignoreOrder: true);
                (await Verify(node)).Problems.ShouldBeEmpty();
                (await Command(node, "verify-activity", "--checkpoint")).ShouldBe(0);

                using var auditor = await node.SignedIn(Roles.Auditor);
                var page = await TestClient.Parse(await auditor.SubmitAt("/activity/verify", "main form", new Dictionary<string, string?>()));
                page.QuerySelector("#verify-result")!.TextContent.ShouldContain("The activity log is intact");
                page.QuerySelector("#anchor")!.TextContent.ShouldContain(keys[1]);
            }
            finally
            {
                await ((IAsyncLifetime)node).DisposeAsync();
            }
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task DeletingAControlWithRunsAndEvidence_LeavesEveryRecordMatchingItsLog()
    {
        var app = new AppFactory(provider);
        try
        {
            await app.InitializeAsync();
            using var manager = await app.SignedIn(Roles.IsmsManager);
            var control = await EvidenceTests.CreateControl(app, manager, "TMP-DEL", nextDue: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd"));
            var run = (await manager.Page(control)).QuerySelector("#control-tasks a[href*='complete']")!.GetAttribute("href")!;
            (await manager.SubmitAt(run, "main form", new Dictionary<string, string?> { ["Input.Kind"] = "Note", ["Input.Title"] = "Run done", ["Input.Description"] = "Checked." }))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await EvidenceTests.Upload(manager, control, "More evidence", "more.pdf", EvidenceTests.Pdf("more"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var page = await manager.Page(control);
            var deleted = await manager.SubmitTo(page, "main form", control, new Dictionary<string, string?>
            {
                ["_handler"] = "delete-control", ["DeleteControlTarget"] = page.QuerySelector("button[name=DeleteControlTarget]")!.GetAttribute("value"),
            });
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await deleted.Text());
            (await Verify(app)).Problems.Select(p => $"{p.Where}: {p.Reason}").ShouldBeEmpty();
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task AMissingKeyFile_StopsTheStart_InsteadOfSigningOnWithANewKey()
    {
        var app = new AppFactory(provider);
        try
        {
            await app.InitializeAsync();
            await Records(app, "keyed");
            File.Delete(app.Database.KeyFile);

            var node = new AppFactory(provider, seed: false, shared: app.Database);
            try
            {
                var refused = await Should.ThrowAsync<Exception>(node.InitializeAsync);
                (refused.InnerException ?? refused).Message.ShouldContain("does not hold");
                File.Exists(app.Database.KeyFile).ShouldBeFalse("no new key was left behind to sign with");
            }
            finally
            {
                await ((IAsyncLifetime)node).DisposeAsync();
            }
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private sealed record Made(Guid RiskId, Guid EvidenceId, Guid IssueId);

    /// <summary>A context issue, a risk and an evidence file, made through the pages.</summary>
    private static async Task<Made> Records(AppFactory app, string label)
    {
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var issue = await manager.SubmitAt("/context/issues/new", "main form", new Dictionary<string, string?> { ["Input.Origin"] = "Internal", ["Input.Title"] = $"Budget cuts ({label})" });
        issue.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var risk = await manager.SubmitAt("/risks/new", "main form", new Dictionary<string, string?> { ["Input.Title"] = $"Laptop theft ({label})", ["Input.OwnerId"] = await app.UserId(Roles.IsmsManager) });
        risk.StatusCode.ShouldBe(HttpStatusCode.Redirect, await risk.Text());
        var control = await EvidenceTests.CreateControl(app, manager, $"TMP-{label.Replace(' ', '-')}");
        var evidence = await EvidenceTests.Upload(manager, control, $"Access review ({label})", "review.pdf", EvidenceTests.Pdf(label));
        evidence.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        static Guid Id(HttpResponseMessage r) => Guid.Parse(r.LocationPath().Split('?')[0].Split('/')[^1]);
        return new(Id(risk), Id(evidence), await app.InScope(async sp => await sp.GetRequiredService<OpenIsmsDbContext>().Set<ContextIssue>().Where(i => i.Title == $"Budget cuts ({label})").Select(i => i.Id).SingleAsync()));
    }

    private static Task<VerifyActivityChain.Report> Verify(AppFactory app) => app.InScope(async sp =>
    {
        sp.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
        return (await sp.GetRequiredService<VerifyActivityChain>().Handle())!;
    });

    private static Task<WriteActivityCheckpoint.Outcome> Checkpoint(AppFactory app) => app.InScope(async sp =>
    {
        sp.GetRequiredService<HttpCurrentUser>().ActAs(SystemUser.Instance);
        return await sp.GetRequiredService<WriteActivityCheckpoint>().Handle();
    });

    private static async Task<int> Command(AppFactory app, params string[] args)
    {
        // The commands print; what counts here is the exit code a monitor sees.
        return await Commands.Run(app.Services, args);
    }

    private static Task Tamper(AppFactory app, string tamper, Made made) => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<OpenIsmsDbContext>();
        var log = db.Set<ActivityEntry>();
        var last = await log.MaxAsync(e => e.Sequence);
        switch (tamper)
        {
            case "edit one field of an entry":
                await log.Where(e => e.Sequence == last - 5).ExecuteUpdateAsync(u => u.SetProperty(e => e.UserName, "Somebody else"));
                break;
            case "delete a middle entry":
                await log.Where(e => e.Sequence == last / 2).ExecuteDeleteAsync();
                break;
            case "delete the last entry":
                await log.Where(e => e.Sequence == last).ExecuteDeleteAsync();
                break;
            case "delete the last 20 entries":
                await log.Where(e => e.Sequence > last - 20).ExecuteDeleteAsync();
                break;
            case "swap two entries":
            {
                var a = await log.AsNoTracking().SingleAsync(e => e.Sequence == last - 3);
                var b = await log.AsNoTracking().SingleAsync(e => e.Sequence == last - 2);
                await Overwrite(log, a.Sequence, b);
                await Overwrite(log, b.Sequence, a);
                break;
            }

            case "edit an entry and recompute the chain without the key":
            {
                using var ownKey = ActivityKey.New(DateTime.UtcNow); // the insider's own key: the real one is not in the database
                var entries = await log.AsNoTracking().Where(e => e.Sequence >= last - 5).OrderBy(e => e.Sequence).ToListAsync();
                var previous = (await log.AsNoTracking().SingleAsync(e => e.Sequence == last - 6)).Hash;
                entries[0].UserName = "Somebody else";
                foreach (var e in entries)
                {
                    e.PreviousHash = previous;
                    e.Hash = ActivityHash.Compute(e, ownKey);
                    previous = e.Hash;
                    await Overwrite(log, e.Sequence, e);
                }

                break;
            }

            case "append a forged entry" or "append an unkeyed entry":
            {
                var head = await log.AsNoTracking().SingleAsync(e => e.Sequence == last);
                using var ownKey = ActivityKey.New(DateTime.UtcNow);
                var forged = new ActivityEntry
                {
                    Sequence = last + 1, At = head.At, UserName = "Ada Admin", EntityType = "Risk", EntityId = made.RiskId.ToString(),
                    Action = ActivityActions.Deleted, PreviousHash = head.Hash, KeyId = tamper == "append a forged entry" ? head.KeyId : "",
                };
                forged.Hash = tamper == "append a forged entry" ? ActivityHash.Compute(forged, ownKey) : ActivityHash.Compute(forged);
                await SaveRaw(db, forged);
                break;
            }

            case "edit a risk row":
                await db.Set<Risk>().Where(r => r.Id == made.RiskId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Title, "Nothing to see here"));
                break;
            case "edit an evidence row":
                await db.Set<EvidenceItem>().Where(e => e.Id == made.EvidenceId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Title, "Signed off by the auditor"));
                break;
            case "delete a business row":
                await db.Set<ContextIssue>().Where(i => i.Id == made.IssueId).ExecuteDeleteAsync();
                break;
            case "give a role behind the app's back":
            {
                var viewer = await db.Users.Where(u => u.Email == AppFactory.EmailOf(Roles.Viewer)).Select(u => u.Id).SingleAsync();
                var admin = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync();
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = viewer, RoleId = admin });
                await SaveRaw(db, null);
                break;
            }

            case "restore an older copy of the database":
                app.Database.RestoreSnapshot();
                break;
            case "replace the key file":
            {
                File.Delete(app.Database.KeyFile);
                using var replacement = ActivityKeyRing.Open(app.Database.KeyFile, TimeProvider.System); // a key file of the insider's
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(tamper), tamper, null);
        }

        return true;
    });

    /// <summary>Writes what is tracked without the app's own save (which would log it): an insider's INSERT.</summary>
    private static async Task SaveRaw(OpenIsmsDbContext db, ActivityEntry? forged)
    {
        if (forged is not null)
        {
            const string sql = """INSERT INTO "ActivityLog" ("Sequence","At","UserId","UserName","EntityType","EntityId","Action","Before","After","StateHash","KeyId","PreviousHash","Hash") VALUES ({0},{1},NULL,{2},{3},{4},{5},NULL,NULL,NULL,{6},{7},{8})""";
            await db.Database.ExecuteSqlRawAsync(sql, forged.Sequence, forged.At, forged.UserName, forged.EntityType, forged.EntityId, forged.Action, forged.KeyId, forged.PreviousHash, forged.Hash);
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            var role = (Microsoft.AspNetCore.Identity.IdentityUserRole<string>)entry.Entity;
            entry.State = EntityState.Detached;
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "AspNetUserRoles" ("UserId","RoleId") VALUES ({0},{1})""", role.UserId, role.RoleId);
        }
    }

    private static Task Overwrite(DbSet<ActivityEntry> log, long sequence, ActivityEntry from) =>
        log.Where(e => e.Sequence == sequence).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.At, from.At).SetProperty(e => e.UserId, from.UserId).SetProperty(e => e.UserName, from.UserName)
            .SetProperty(e => e.EntityType, from.EntityType).SetProperty(e => e.EntityId, from.EntityId).SetProperty(e => e.Action, from.Action)
            .SetProperty(e => e.Before, from.Before).SetProperty(e => e.After, from.After).SetProperty(e => e.StateHash, from.StateHash)
            .SetProperty(e => e.KeyId, from.KeyId).SetProperty(e => e.PreviousHash, from.PreviousHash).SetProperty(e => e.Hash, from.Hash));
}

public sealed class TamperTestsOnSqlite() : TamperTests(Provider.Sqlite);

public sealed class TamperTestsOnPostgreSql() : TamperTests(Provider.PostgreSql);
